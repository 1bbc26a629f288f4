/**
 * Loading rule files: read, validate with zod, expand labels, and build one
 * trie of every wording (src/rules/trie.ts). A broken file is a RuleFileError
 * that names the file and the field.
 *
 * The built-in files are validated when the package is built, and what zod
 * gave back is kept in validated.json beside this module, with the text of each
 * file: a file whose text is still that text is taken from there,
 * and any other (an edited built-in file, a user's folder) is validated as it
 * is read. Start-up then skips loading zod, which was a third of it.
 */
import type { EveryField } from '../util/shape.js';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Zod from 'zod';
import type { z } from 'zod';
import { expandLabel, LabelSyntaxError, substitutePieces } from './expand.js';
import { buildRegistry, OTHER_PREFIX, RegistryError, type Registry } from './registry.js';
import { schemas, type Grammar, type IndicatorSpec, type RuleSpec, type Schemas } from './schema.js';
import { auditedMatcher, linearMatcher, LinearSyntaxError, type LinearMatcher } from './linear.js';
import { literalTrie, type LiteralTrie } from './trie.js';
import { charSet } from '../extract/chars.js';
import { validUtf8 } from '../input/decode.js';

export class RuleFileError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${file}: ${field ? `${field}: ` : ''}${reason}`);
    this.name = 'RuleFileError';
  }
}

export type CompiledRule = RuleSpec & {
  family: string;
  file: string;
  /** "births.first.inPolicy": the rule's name (its id unless it has one), unique across the rule files, named in every record the rule makes. */
  name: string;
  requiresRe?: LinearMatcher;
  forbidsRe?: LinearMatcher;
};

export type FilterPlace = Grammar['filters'][number]['where'];

export type CompiledGrammar = Omit<Grammar, 'gap' | 'looseGap' | 'filters' | 'meanings' | 'respectively' | 'fromTo' | 'synonyms' | 'others' | 'zeros' | 'zerosUnless' | 'programmes'> & {
  /** The benefit programmes: one expression (global) whose named groups p0, p1 … stand for their ids. */
  programmes: { re: RegExp; ids: string[] } | null;
  /** Zeros stated in words, each expression (global) with the id it makes 0; `unless` after the words undoes them. */
  zeros: { re: RegExp; id: string }[];
  /** Any of the zeros' expressions: no match of it, none of theirs (most texts state no zero in words). */
  zerosAny: RegExp | null;
  zerosUnless: RegExp | null;
  /** Words naming quantities outside the indicators, for coverage, as a trie of the words; null without `others`. */
  others: { window: number; words: LiteralTrie } | null;
  /** Filters by meaning, each with the ids it judges. */
  meanings: { name: string; ids: Set<string>; where: 'sentence' | 'paragraph'; re: RegExp | null; unless: RegExp | null; within: number | undefined; under: Set<string> | null; becomes: Record<string, string> | null; reason: string }[];
  /** The spinners' words and what they stand for, and an expression that finds any of them; null when there are none. */
  synonyms: { pairs: [string, string][]; anyRe: RegExp } | null;
  /** A change from a baseline to the figure (由上年的118.5下降到112.3); null without `fromTo`. */
  fromTo: { fromRe: RegExp; toRe: RegExp } | null;
  /** The filler of `gap`, anchored at both ends. */
  gapRe: RegExp;
  /**
   * The looser gap: its tokens (tokensRe, as written), the tokens and filler words that are
   * removed before the rest is measured (removeRe, global), its forbidden words; null without `looseGap`.
   */
  looseGap: { tokensRe: RegExp; removeRe: RegExp; forbiddenRe: RegExp; free: number } | null;
  /** Whether the text between a label and its number lets them bind (the filler of `gap`, or the looser gap). */
  gapBinds: (gap: string) => boolean;
  /** Whether the gap may be empty (a number right after its label, the commonest case): decided once, not per figure. */
  gapMayBeEmpty: boolean;
  /**
   * The 分别 word (global), a test for a list separator (whole string), and the
   * separator that ends a string (the longest); null without `respectively`.
   */
  respectively: { wordRe: RegExp; separatorRe: RegExp; separatorBeforeRe: RegExp; sharedRe?: RegExp } | null;
  filters: { name: string; where: FilterPlace; kind: Grammar['filters'][number]['kind']; re: RegExp; reason: string }[];
  /** Per place, its filters as one expression (null when it has none): a figure costs one test per place. */
  rejects: Record<FilterPlace, RegExp | null>;
  /** The scope words; null when there are none. */
  scopeTrie: LiteralTrie | null;
  /** The first characters of the clause scopes: a clause without any of them holds none (refine/scope.ts). */
  clauseScopeFirsts: { has(c: number): boolean };
};

export type RuleSet = {
  rules: CompiledRule[];
  /** Literal label → the rules it belongs to, highest priority first. */
  labels: Map<string, CompiledRule[]>;
  /** Finds the longest literal label at every position. */
  labelTrie: LiteralTrie;
  /** The rules of each of labelTrie's literals, by its index there (`labels` without a lookup by string). */
  labelRules: CompiledRule[][];
  afterLabels: Map<string, CompiledRule[]>;
  /** The wordings that stand after a number; null when no rule has any. */
  afterTrie: LiteralTrie | null;
  grammar: CompiledGrammar;
  /** Every indicator id, its unit, parts, rate and plausible range. */
  registry: Registry;
  /** The files the set was built from, for messages. */
  files: string[];
};

export const DEFAULT_PATTERNS_DIR = fileURLToPath(new URL('../../patterns/', import.meta.url));
const GRAMMAR_FILE = 'grammar.json';
const REGISTRY_FILE = 'indicators.json';
const PIECES_FILE = 'pieces.json';
/** Files in a patterns folder that hold no rules. */
const NOT_RULES = new Set([GRAMMAR_FILE, REGISTRY_FILE, PIECES_FILE]);

function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

function parseJson(text: string, shown: string): unknown {
  try {
    // Notepad and others save UTF-8 with a byte-order mark, which JSON.parse refuses.
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new RuleFileError(shown, '', `is not valid JSON (${(e as Error).message})`);
  }
}

function validate<T>(schema: z.ZodType<T>, data: unknown, shown: string): T {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new RuleFileError(shown, fieldPath(issue.path), issue.message);
}

/**
 * Each built-in file as validated at build time, by its name as shown (patterns/births.json),
 * with its text then; and each label wording (its pieces substituted) with the
 * literals it expands to, a pure function of the wording, which start-up need not compute again.
 */
type Validated = { files: Record<string, { text: string; data: unknown }>; expansions: Record<string, string[]> };
// From dist/rules/ and from dist/bundle/ alike (the command line runs bundled).
const VALIDATED_FILE = fileURLToPath(new URL('../rules/validated.json', import.meta.url));
/** Set while the build records validated.json (recordValidated). */
let recording: Validated | undefined;

/** Read fresh at each load: its objects become the rule set's, which no two loads share. */
function validatedAtBuild(path: string): Validated | undefined {
  if (recording || !existsSync(path)) return undefined;
  try {
    // Decoded by ICU (input/decode.ts): V8's own UTF-8 decoder took twice as long on its Chinese.
    const v = JSON.parse(validUtf8(readFileSync(path))) as Partial<Validated>;
    return v.files && v.expansions ? (v as Validated) : undefined;
  } catch {
    return undefined; // damaged: every file is validated as it is read
  }
}

/**
 * A rule file's content, validated: taken from the build's record when its bytes are those
 * that were validated (`built`: then its expressions also compiled on the linear engine then).
 */
function readValidated<K extends keyof Schemas>(file: string, shown: string, schema: K, known: Validated | undefined): { data: Zod.infer<Schemas[K]>; built: boolean } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new RuleFileError(shown, '', `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  // The text itself, not a hash of it: a comparison in memory, where hashing loaded node:crypto
  // (some twenty of Node's modules) at every start.
  const entry = known?.files[shown];
  if (entry?.text === text) return { data: entry.data as Zod.infer<Schemas[K]>, built: true };
  const data = validate(schemas()[schema] as unknown as z.ZodType<Zod.infer<Schemas[K]>>, parseJson(text, shown), shown);
  if (recording) recording.files[shown] = { text, data };
  return { data, built: false };
}

/** The build's step: validates every built-in file and writes what zod gave back, with each file's text, to `path`. */
export function recordValidated(path = VALIDATED_FILE, options: Pick<LoadOptions, 'baseDir'> = {}): void {
  recording = { files: {}, expansions: {} };
  try {
    loadRules(options);
    writeFileSync(path, JSON.stringify(recording));
  } finally {
    recording = undefined;
  }
}

export function ruleFilesIn(dir: string): string[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
    names = readdirSync(dir);
  } catch (e) {
    throw new RuleFileError(dir, '', `is not a readable folder of rule files (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return names.filter((n) => n.endsWith('.json') && !NOT_RULES.has(n)).sort().map((n) => join(dir, n));
}

/** The filters of one place as one alternation (the schema refuses backreferences, which would not survive it). */
function anyOf(filters: Grammar['filters'], where: FilterPlace): RegExp | null {
  const here = filters.filter((f) => f.where === where);
  return here.length ? new RegExp(here.map((f) => `(?:${f.pattern})`).join('|'), 'u') : null;
}

// What never stands inside a looser gap, once its tokens are gone: a clause or list
// break, a digit (another number), or half a bracket (the label is inside it).
const GAP_BREAK = /[,;。!?、\n\d()]/u;
const BREAK_CODES = new Set([...',;。!?、\n'].map((c) => c.charCodeAt(0)));

function compileLooseGap(fillerSource: string, loose: NonNullable<Grammar['looseGap']>): NonNullable<CompiledGrammar['looseGap']> {
  return {
    tokensRe: new RegExp(loose.tokens, 'u'),
    removeRe: new RegExp(`(?:${loose.tokens})|(?:${fillerSource})`, 'gu'),
    forbiddenRe: new RegExp(loose.forbidden, 'u'),
    free: loose.free,
  };
}

function gapTest(filler: RegExp, loose: CompiledGrammar['looseGap']): (gap: string) => boolean {
  if (!loose) return (gap) => filler.test(gap);
  return (gap) => {
    if (filler.test(gap)) return true;
    // Most gaps in prose hold a clause break: no token of the looser gap does, so none binds
    // (but for the last character, which a token may end with: 现有4600户,18895人).
    for (let i = 0; i < gap.length - 1; i++) if (BREAK_CODES.has(gap.charCodeAt(i))) return false;
    if (loose.forbiddenRe.test(gap)) return false;
    // A gap is at most maxGap characters: no expression here can cost more than that many steps squared.
    const rest = gap.replace(loose.removeRe, '');
    return rest.length <= loose.free && !GAP_BREAK.test(rest);
  };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compileGrammar(g: Grammar): CompiledGrammar {
  const { gap, looseGap, filters, meanings, respectively, fromTo, synonyms, others, zeros, zerosUnless, programmes, ...rest } = g;
  const gapRe = new RegExp(`^(?:${gap})$`, 'u');
  const loose = looseGap ? compileLooseGap(gap, looseGap) : null;
  return {
    ...rest,
    gapRe,
    looseGap: loose,
    gapBinds: gapTest(gapRe, loose),
    gapMayBeEmpty: gapRe.test(''),
    respectively: respectively
      ? {
          wordRe: new RegExp(respectively.word, 'gu'),
          separatorRe: new RegExp(`^\\s*(?:${respectively.separator})\\s*$`, 'u'),
          separatorBeforeRe: new RegExp(`(?:${respectively.separator})\\s*$`, 'u'),
          ...(respectively.shared ? { sharedRe: new RegExp(`(?:${respectively.shared})\\s*$`, 'u') } : {}),
        }
      : null,
    fromTo: fromTo ? { fromRe: new RegExp(`^(?:${fromTo.from})$`, 'u'), toRe: new RegExp(`^(?:${fromTo.to})$`, 'u') } : null,
    filters: filters.map((f) => ({ name: f.name, where: f.where, kind: f.kind, re: new RegExp(f.pattern, 'u'), reason: f.reason })),
    meanings: meanings.map((m) => ({
      name: m.name,
      ids: new Set(m.ids),
      where: m.where,
      re: m.pattern !== undefined ? new RegExp(m.pattern, 'gu') : null,
      under: m.under ? new Set(m.under) : null,
      becomes: m.becomes ?? null,
      unless: m.unless ? new RegExp(m.unless, 'u') : null,
      within: m.within,
      reason: m.reason,
    })),
    rejects: { clause: anyOf(filters, 'clause'), sentence: anyOf(filters, 'sentence'), after: anyOf(filters, 'after'), heading: anyOf(filters, 'heading') },
    scopeTrie: g.scopes.length ? literalTrie(g.scopes) : null,
    clauseScopeFirsts: charSet(g.clauseScopes.map((w) => w[0]!).join('')),
    // A trie, not an alternation of sixty words: coverage asks it of the clause before every number no label took.
    others: others ? { window: others.window, words: literalTrie(others.words) } : null,
    zeros: zeros.map((z) => ({ re: new RegExp(z.pattern, 'gu'), id: z.id })),
    zerosAny: zeros.length ? new RegExp(zeros.map((z) => `(?:${z.pattern})`).join('|'), 'u') : null,
    programmes: programmes.length ? { re: new RegExp(programmes.map((x, i) => `(?<p${i}>${x.words})`).join('|'), 'gu'), ids: programmes.map((x) => x.id) } : null,
    zerosUnless: zerosUnless ? new RegExp(zerosUnless, 'u') : null,
    synonyms: synonyms.length ? { pairs: synonyms, anyRe: new RegExp(synonyms.map(([from]) => escapeRegExp(from)).join('|'), 'u') } : null,
  };
}

function add(index: Map<string, CompiledRule[]>, literal: string, rule: CompiledRule): void {
  const list = index.get(literal);
  if (list) list.push(rule);
  else index.set(literal, [rule]);
}

/** Each literal's rules, highest priority first; those of equal priority in the order they were read (a stable sort, once per list). */
function byPriority(index: Map<string, CompiledRule[]>): void {
  for (const list of index.values()) if (list.length > 1) list.sort((a, b) => b.priority - a.priority);
}

export type LoadOptions = {
  /** Folders of extra rule files, loaded after the built-in ones. */
  extraDirs?: string[];
  /** Replace the built-in folder (tests). */
  baseDir?: string;
  /** The build's record of validated files to trust (tests); default validated.json beside this module. */
  validated?: string;
};

/** The registry of the built-in folder and of each extra folder that has one, in that order. */
function loadRegistry(dirs: string[], show: (f: string) => string, required: string, known: Validated | undefined): Registry {
  const specs: IndicatorSpec[] = [];
  let last = '';
  for (const dir of dirs) {
    const file = join(dir, REGISTRY_FILE);
    if (dir !== required && !existsSync(file)) continue;
    const offset = specs.length;
    specs.push(...readValidated(file, show(file), 'RegistryFileSchema', known).data.indicators);
    last = show(file);
    try {
      buildRegistry(specs);
    } catch (e) {
      // Name the entry as it stands in its own file.
      if (e instanceof RegistryError) throw new RuleFileError(last, e.field.replace(/^indicators\[(\d+)\]/, (_, i: string) => `indicators[${Number(i) - offset}]`), e.reason);
      throw e;
    }
  }
  return buildRegistry(specs);
}

/** The pieces shared by every rule file: the built-in folder's, then each extra folder's, none defined twice. */
function loadPieces(dirs: string[], show: (f: string) => string, known: Validated | undefined): Record<string, string> {
  const pieces: Record<string, string> = {};
  for (const dir of dirs) {
    const file = join(dir, PIECES_FILE);
    if (!existsSync(file)) continue;
    for (const [name, piece] of Object.entries(readValidated(file, show(file), 'PiecesFileSchema', known).data.pieces)) {
      if (name in pieces) throw new RuleFileError(show(file), `pieces.${name}`, `{${name}} is already defined by another pieces file`);
      pieces[name] = piece;
    }
  }
  return pieces;
}

export function loadRules(options: LoadOptions = {}): RuleSet {
  const baseDir = options.baseDir ?? DEFAULT_PATTERNS_DIR;
  const show = (f: string) => (f.startsWith(DEFAULT_PATTERNS_DIR) ? join('patterns', relative(DEFAULT_PATTERNS_DIR, f)) : f);
  const grammarFile = join(baseDir, GRAMMAR_FILE);
  const known = validatedAtBuild(options.validated ?? VALIDATED_FILE);
  const grammar = compileGrammar(readValidated(grammarFile, show(grammarFile), 'GrammarSchema', known).data);
  const dirs = [baseDir, ...(options.extraDirs ?? [])];
  const registry = loadRegistry(dirs, show, baseDir, known);
  grammar.meanings.forEach((m, i) => {
    for (const id of Object.values(m.becomes ?? {})) {
      if (!registry.byId.has(id)) throw new RuleFileError(show(grammarFile), `meanings[${i}].becomes`, `${id} is not in the indicator registry (${REGISTRY_FILE})`);
    }
  });
  grammar.wholeScopes.forEach((w, i) => {
    if (!grammar.scopes.includes(w)) throw new RuleFileError(show(grammarFile), `wholeScopes[${i}]`, `${w} is not one of the scopes`);
  });
  grammar.programmes?.ids.forEach((id, i) => {
    if (!registry.byId.has(id)) throw new RuleFileError(show(grammarFile), `programmes[${i}].id`, `${id} is not in the indicator registry (${REGISTRY_FILE})`);
  });
  grammar.zeros.forEach((z, i) => {
    if (!registry.byId.has(z.id)) throw new RuleFileError(show(grammarFile), `zeros[${i}].id`, `${z.id} is not in the indicator registry (${REGISTRY_FILE})`);
  });
  const shared = loadPieces(dirs, show, known);
  const files = dirs.flatMap(ruleFilesIn);
  const names = new Map<string, string>();
  const families = new Map<string, string>();
  const rules: CompiledRule[] = [];
  const labels = new Map<string, CompiledRule[]>();
  const afterLabels = new Map<string, CompiledRule[]>();
  for (const file of files) {
    const shown = show(file);
    const { data: spec, built } = readValidated(file, shown, 'RuleFileSchema', known);
    for (const name of Object.keys(spec.pieces ?? {})) {
      if (name in shared) throw new RuleFileError(shown, `pieces.${name}`, `{${name}} is already defined in ${PIECES_FILE}: each piece has one home`);
    }
    const declared = families.get(spec.family);
    if (declared) throw new RuleFileError(shown, 'family', `${spec.family} is already the family of ${declared}: give this file a family of its own`);
    families.set(spec.family, shown);
    const linear = (source: string, field: string) => {
      // Compiled on the linear engine when the build recorded the file: see linear.ts.
      if (built) return auditedMatcher(source);
      try {
        return linearMatcher(source);
      } catch (e) {
        if (e instanceof LinearSyntaxError) throw new RuleFileError(shown, field, e.message);
        throw e;
      }
    };
    const pieces = { ...shared, ...spec.pieces };
    spec.rules.forEach((r, i) => {
      if (!registry.byId.has(r.id) && !r.id.startsWith(OTHER_PREFIX)) {
        throw new RuleFileError(shown, `rules[${i}].id`, `${r.id} is not in the indicator registry (${REGISTRY_FILE}): add it there, or use an id under ${OTHER_PREFIX}`);
      }
      const name = r.name ?? r.id;
      const taken = names.get(name);
      if (taken) throw new RuleFileError(shown, `rules[${i}]`, `another rule (${taken}) is already named ${name}: give one of them a name`);
      names.set(name, `${shown} rules[${i}]`);
      // Every field in one literal, in one order, absent ones undefined: every rule then has one
      // shape, and the code that reads rules for each candidate (refine/rule.ts) stays monomorphic.
      // Spread in, the optional fields made a shape per combination, read by V8's slowest path.
      const rule = {
        id: r.id,
        name,
        labels: r.labels,
        after: r.after,
        accepts: r.accepts,
        units: r.units,
        unit: r.unit,
        requires: r.requires,
        forbids: r.forbids,
        parent: r.parent,
        onlyWithParent: r.onlyWithParent,
        topic: r.topic,
        strictGap: r.strictGap,
        nested: r.nested,
        priority: r.priority,
        examples: r.examples,
        family: spec.family,
        file: shown,
        requiresRe: r.requires ? linear(r.requires, `rules[${i}].requires`) : undefined,
        forbidsRe: r.forbids ? linear(r.forbids, `rules[${i}].forbids`) : undefined,
      } satisfies EveryField<CompiledRule>;
      rules.push(rule);
      const expand = (field: 'labels' | 'after', index: Map<string, CompiledRule[]>) =>
        (r[field] ?? []).forEach((label, j) => {
          try {
            const wording = substitutePieces(label, pieces);
            const literals = known?.expansions[wording] ?? expandLabel(wording);
            if (recording) recording.expansions[wording] = literals;
            for (const lit of literals) add(index, lit, rule);
          } catch (e) {
            if (e instanceof LabelSyntaxError) throw new RuleFileError(shown, `rules[${i}].${field}[${j}]`, e.message);
            throw e;
          }
        });
      expand('labels', labels);
      expand('after', afterLabels);
    });
  }
  byPriority(labels);
  byPriority(afterLabels);
  const labelTrie = literalTrie(labels.keys());
  return {
    rules,
    labels,
    labelTrie,
    labelRules: labelTrie.literals.map((l) => labels.get(l)!),
    afterLabels,
    afterTrie: afterLabels.size ? literalTrie(afterLabels.keys()) : null,
    grammar,
    registry,
    files: files.map(show),
  };
}

let defaultSet: RuleSet | undefined;
/** The built-in rules, loaded once per process. */
export function defaultRules(): RuleSet {
  return (defaultSet ??= loadRules());
}
