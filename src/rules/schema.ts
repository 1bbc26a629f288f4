/**
 * The shape of a rule file in patterns/, checked with zod when it is loaded.
 * zod is required here only when a file is validated: the built-in files were
 * validated at build time (load.ts, validated.json), and a run that reads only
 * them never loads zod, a tenth of a second of start-up. Its CommonJS build is
 * required, so that validation stays synchronous, as loading the rules is.
 */
import { createRequire } from 'node:module';
import type * as Zod from 'zod';

export const UnitClasses = ['count', 'money', 'rate', 'ratio', 'bare', 'scaled'] as const;
export type AcceptedUnit = (typeof UnitClasses)[number];

let built: Schemas | undefined;
/** The schemas, made (and zod loaded) on first use. */
export const schemas = (): Schemas => (built ??= build((createRequire(import.meta.url)('zod') as typeof Zod).z));
export type Schemas = ReturnType<typeof build>;

function build(z: typeof Zod.z) {
  const regexSource = z.string().refine(
    (s) => {
      try {
        new RegExp(s, 'u');
        return true;
      } catch {
        return false;
      }
    },
    { message: 'not a valid regular expression' },
  );

  const ExampleSchema = z.strictObject({
    /** A sentence in the genre. */
    text: z.string().min(1),
    /** The value the rule must give, or null: the rule must give nothing here. */
    expect: z.number().nullable(),
    /** The id expected, where it differs from the rule's (composed ids). */
    id: z.string().optional(),
    /** The source text expected for the record. */
    span: z.string().optional(),
  });

  const indicatorId = z.string().regex(/^[a-zA-Z]+(\.[a-zA-Z]+)*$/, 'ids are dotted words such as births.first');

  const RuleSchema = z.strictObject({
    /** Indicator id from the registry (patterns/indicators.json), or another id ("other.…") for figures outside it. */
    id: indicatorId,
    /**
     * The rule's name, unique across the rule files, as the output names it. Defaults to the id;
     * a file with several rules for one id names all but one, so that inserting a rule renames none.
     */
    name: z.string().regex(/^[a-zA-Z][\w.-]*$/, 'a name is a word of letters, digits, dots and dashes').optional(),
    /** Label wordings that stand right before the number (label syntax: expand.ts). */
    labels: z.array(z.string().min(1)).min(1),
    /** Wordings that stand right after the number instead: 4660余名妇女做了妇科检查. */
    after: z.array(z.string().min(1)).optional(),
    /** What the number must be: count (人, 例, …), money (元), rate (%, ‰), ratio (107:100), bare (no unit), scaled (88.07万). */
    accepts: z.array(z.enum(UnitClasses)).min(1),
    /** Only these printed units, where the class is too broad (人 but not 例). */
    units: z.array(z.string().min(1)).optional(),
    /** The indicator's usual unit, used when the report prints none. */
    unit: z.string().min(1),
    /** The text before the label, in its paragraph, must match this (e.g. 社会抚养费 for 征收金额). */
    requires: regexSource.optional(),
    /** The text before the label, in its sentence, must not match this. */
    forbids: regexSource.optional(),
    /** When the figure right before is one of these ids (其中 …), use the mapped id instead. */
    parent: z.record(z.string(), z.string()).optional(),
    /** Give a figure only through `parent`: 占56.64% says what it is a share of only after 一孩418人. */
    onlyWithParent: z.boolean().default(false),
    /**
     * amount: a generic money wording (兑现资金, 奖励金额) that names the money of the benefit whose
     * recipients were counted just before in the sentence; the figure takes that benefit's amount id
     * (the registry's `amount`), or is dropped when there is none. programme: a generic wording of
     * recipients (对象) that takes the id of the programme the sentence names before it (the grammar's `programmes`).
     */
    topic: z.enum(['amount', 'programme']).optional(),
    /** Only the grammar's filler words (为, 达到 …) may stand between the label and its number, not the looser gap, and a wording right after the number names it instead: for wordings as general as 共有. */
    strictGap: z.boolean().default(false),
    /** A part that nests under its parent only after 其中 or inside a bracket (一孩30人 in 政策外47人(一孩30人…)). */
    nested: z.boolean().default(false),
    /** Higher wins when one wording belongs to several rules that all accept the number. */
    priority: z.number().int().default(0),
    examples: z.array(ExampleSchema).default([]),
  });

  const RuleFileSchema = z.strictObject({
    family: z.string().min(1),
    description: z.string().optional(),
    /** Named pieces for labels: {PARITY}. */
    pieces: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/), z.string()).optional(),
    rules: z.array(RuleSchema).min(1),
  });

  /** Whether a pattern refers back to a group of its own (\\1, \\k<name>), skipping escaped backslashes. */
  function hasBackreference(source: string): boolean {
    for (let i = 0; i < source.length; i++) {
      if (source[i] !== '\\') continue;
      const next = source[++i];
      if (next !== undefined && (next === 'k' || (next >= '1' && next <= '9'))) return true;
    }
    return false;
  }

  const FilterSchema = z.strictObject({
    name: z.string().min(1),
    /**
     * Where the pattern is looked for: the clause before the label, the
     * sentence before the label, the text right after the number, or the
     * top-level list heading (一、…) the figure sits under.
     */
    where: z.enum(['clause', 'sentence', 'after', 'heading']),
    /** What the numbers it drops are, for the report's coverage: a target (or plan), a per-head standard, a baseline, a change. */
    kind: z.enum(['target', 'standard', 'baseline', 'change']),
    /** The filters of one place are tested as one expression, so a pattern may not refer back to its own groups. */
    pattern: regexSource.refine((s) => !hasBackreference(s), { message: 'a filter pattern may not use backreferences (\\1, \\k<name>)' }),
    reason: z.string().min(1),
  });

  /**
   * A filter by meaning: figures of these ids are no mentions where `pattern` (a marker: 育龄妇女,
   * 带环) stands in the sentence or paragraph before them, and nothing of `unless` (出生, 本年) after
   * its last occurrence; `within`, when given, is how close the marker must stand. Or where they
   * break down a figure of an id in `under`.
   */
  const MeaningSchema = z.strictObject({
    name: z.string().min(1),
    ids: z.array(z.string().min(1)).min(1),
    where: z.enum(['sentence', 'paragraph']),
    pattern: regexSource.optional(),
    unless: regexSource.optional(),
    within: z.number().int().positive().optional(),
    /**
     * Or: the figure is part of a breakdown (after 其中 or inside a bracket) of a figure of one of these
     * ids (上环2874人 under 已落实节育措施5931人,其中: methods in use, not operations).
     */
    under: z.array(z.string().min(1)).min(1).optional(),
    /** What the figures are instead (一孩390人 under 育龄妇女: women with one child): kept with that id rather than dropped. */
    becomes: z.record(z.string(), indicatorId).optional(),
    reason: z.string().min(1),
  }).refine((m) => m.pattern !== undefined || m.under !== undefined, { message: 'a meaning needs a pattern or the ids it is found under' });

  const GrammarSchema = z.strictObject({
    description: z.string().optional(),
    /** What may stand between a label and its number: 为, 达到, 共, 控制在, (…). Anchored at both ends. */
    gap: regexSource,
    /** Longest gap, in characters. */
    maxGap: z.number().int().positive(),
    /**
     * A looser gap: besides the filler words of `gap` (and `tokens`: years, months, brackets),
     * up to `free` characters of other words (出生的171人, 奖励扶助的对象8048人, 含漏统为), as
     * long as no clause break, digit or `forbidden` word (a change, a comparison, a target, a
     * standard) stands between label and number.
     */
    looseGap: z
      .strictObject({
        free: z.number().int().nonnegative(),
        tokens: regexSource,
        forbidden: regexSource,
      })
      .optional(),
    /** Words that name the scope of a figure (流动人口, 城区, 专项整治…). */
    scopes: z.array(z.string().min(1)),
    /**
     * The scopes that name the population a whole-area figure is counted on (常住人口, 户籍人口), not a
     * part of the area or a campaign: the wide CSV takes such a figure when its section states none without a scope.
     */
    wholeScopes: z.array(z.string().min(1)).default([]),
    /**
     * Words that set apart only the figure of their own clause (补报女孩3人: a late registration, outside
     * the year's split), and pass to no figure after it.
     */
    clauseScopes: z.array(z.string().min(1)).default([]),
    /**
     * The benefit programmes by the words that name them (奖励扶助 → its recipients' id): a count of
     * 对象 (为1234名对象发放…) is of the programme named last before it in its sentence (a rule's topic: programme).
     */
    programmes: z.array(z.strictObject({ words: regexSource, id: indicatorId })).default([]),
    /** Non-mentions: targets, per-head standards, baselines. */
    filters: z.array(FilterSchema),
    /**
     * Words that name quantities outside the indicators (死亡, 三查, 流动人口, 培训, …): a number with a
     * unit that became no figure is counted as such an "other" quantity when one stands in the
     * `window` characters of its clause before it, rather than left unread.
     */
    others: z.strictObject({ window: z.number().int().positive(), words: z.array(z.string().min(1)) }).optional(),
    /** Non-mentions of some ids only, by what the words before them say they count (women by parity, methods in use). */
    meanings: z.array(MeaningSchema).default([]),
    /** Pairs listed labels with listed numbers in order: 一孩率、二孩率分别为56.6%、40.0%. */
    respectively: z
      .strictObject({
        /** The word between the two lists: 分别为, 分别是, 分别达到. */
        word: regexSource,
        /** What separates the items of either list: 、 和 及. */
        separator: regexSource,
        /** The word after a list of labels that share the one value after it: 均达到了 (计划生育率、节育率均达到了100%). Matched right before the number. */
        shared: regexSource.optional(),
      })
      .optional(),
    /**
     * A change from a baseline to the figure: 出生人口性别比由上年的118.5下降到112.3
     * gives 112.3. `from` stands between the label and the baseline (由上年的),
     * `to` between the baseline and the figure (下降到). Both anchored at both ends.
     */
    fromTo: z.strictObject({ from: regexSource, to: regexSource }).optional(),
    /**
     * Words that article spinners substitute, each with the word it stands for, of the same
     * length (诞生 → 出生, 方案生育 → 计划生育): replaced in the normalised text. Only words
     * that mean nothing else in these reports belong here.
     */
    synonyms: z
      .array(z.tuple([z.string().min(1), z.string().min(1)]).refine(([a, b]) => a.length === b.length, { message: 'a synonym must have the length of the word it stands for' }))
      .default([]),
    /**
     * Zeros stated in words (无多孩出生, 杜绝了政策外生育, 多孩为零): no figure of their own, but a
     * part that is 0 closes a split in the checks. `unless`: what after the words makes them a name
     * (无政策外多孩出生”活动 is a campaign).
     */
    zeros: z
      .array(z.strictObject({ pattern: regexSource, id: indicatorId }))
      .default([]),
    zerosUnless: regexSource.optional(),
    examples: z.array(z.strictObject({ text: z.string().min(1), expect: z.array(z.tuple([z.string(), z.number()])) })).default([]),
  });

  /** A split of a total into parts: which ids add up to it, and whether the split is whole by its own words. */
  const PartSetSchema = z.strictObject({
    name: z.string().min(1),
    parts: z.array(indicatorId).min(1),
    /** 一孩 + 二孩 + 多孩 must equal the total; a list under 其中 (operations) may leave some out. */
    exhaustive: z.boolean(),
    /** The set counts only when none of these ids is listed among the parts (cells when their parities are listed). */
    unlessPresent: z.array(indicatorId).optional(),
  });

  /** How a rate derives from counts: numerator / denominator × factor. */
  const RateDefinitionSchema = z.strictObject({
    /** share: judged exactly at the printed precision; ratio: the same, numerator and denominator both stated (boys / girls); perPopulation: approximately, against a population the report rarely averages as it divides. */
    kind: z.enum(['share', 'ratio', 'perPopulation']),
    numerator: indicatorId,
    denominator: indicatorId,
    factor: z.number().positive(),
    /** What the numerator counts, for messages: "in-policy births". */
    what: z.string().min(1),
  });

  /** A rate that is one rate less another at the printed precision: natural increase = birth rate − death rate. */
  const DifferenceSchema = z.strictObject({
    minuend: indicatorId,
    subtrahend: indicatorId,
  });

  const IndicatorSpecSchema = z.strictObject({
    id: indicatorId,
    /** In words: "first births within policy". */
    meaning: z.string().min(1),
    /** Typical wordings, for the README's table. */
    wording: z.string().min(1),
    /**
     * Its variable name in Stata and R (--names stata): letters, digits and underscores, at most
     * VARIABLE_MAX characters so that the wide CSV's suffixes keep within Stata's 32. Without it, the
     * id with its dots as underscores (births.total → births_total).
     */
    variable: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a variable name is letters, digits and underscores, starting with a letter').optional(),
    /** The canonical unit: 人, 例, 对, 户, 元, %, ‰, ratio. */
    unit: z.string().min(1),
    parts: z.array(PartSetSchema).optional(),
    rate: RateDefinitionSchema.optional(),
    difference: DifferenceSchema.optional(),
    /** For a count of recipients: the id of the money paid to them (兑现资金 after 奖扶对象392人). */
    amount: indicatorId.optional(),
    /** Plausible values in the indicator's unit; a value outside is warned about. */
    range: z.strictObject({ min: z.number().optional(), max: z.number().optional() }).optional(),
  });

  const RegistryFileSchema = z.strictObject({
    description: z.string().optional(),
    indicators: z.array(IndicatorSpecSchema),
  });

  /** Pieces every rule file may use in its labels ({IN}, {FIRST}), defined once. */
  const PiecesFileSchema = z.strictObject({
    description: z.string().optional(),
    pieces: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/), z.string()),
  });
  return { ExampleSchema, RuleSchema, RuleFileSchema, FilterSchema, MeaningSchema, GrammarSchema, PartSetSchema, RateDefinitionSchema, DifferenceSchema, IndicatorSpecSchema, RegistryFileSchema, PiecesFileSchema };
}

type Infer<K extends keyof Schemas> = Zod.infer<Schemas[K]>;
export type RuleFile = Infer<'RuleFileSchema'>;
export type IndicatorSpec = Infer<'IndicatorSpecSchema'>;
export type PartSet = Infer<'PartSetSchema'>;
export type RateDefinition = Infer<'RateDefinitionSchema'>;
export type RuleSpec = Infer<'RuleSchema'>;
export type Grammar = Infer<'GrammarSchema'>;
