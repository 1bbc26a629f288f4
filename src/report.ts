/**
 * The output contract (OUTPUT.md) as zod schemas and the types derived from
 * them. Fields beyond the contract are additions; none of its fields are
 * renamed.
 */
import { z } from 'zod';

export const IndicatorSchema = z.object({
  id: z.string(),
  value: z.number().refine(Number.isFinite, 'value must be finite'),
  unit: z.string(),
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  line: z.number().int().positive(),
  decimals: z.number().int().nonnegative().optional(),
  approximate: z.boolean().optional(),
  scope: z.string().optional(),
  /** Addition: the period the figure's clause names, as printed (2012年, 2012至2014年, 1-10月, 上半年, 截至10月底); absent when it names none (the report's own period). */
  period: z.string().optional(),
  /** Additions. The numeral as printed ("87.80", "340.20万"), so precision is never lost. */
  printed: z.string(),
  /** 以上 → min, 以内/以下 → max. */
  bound: z.enum(['min', 'max']).optional(),
  /** A range as printed (30-40万, 10‰-12‰): both ends, canonical; `value` is the lower end, and the figure is approximate. */
  range: z.tuple([z.number(), z.number()]).optional(),
  /** The label wording that named the figure. */
  label: z.string(),
  /** The rule that made the record, by its name in patterns/ (births.first.inPolicy). */
  rule: z.string(),
  /** Index into Report.sections. */
  section: z.number().int().nonnegative().optional(),
  /** For a figure in a document with pages (PDF): its page, from 1. */
  page: z.number().int().positive().optional(),
  /** For a part of a breakdown of the same quantity (其中国家级352人 under 奖扶对象441人): the index of the whole in Report.indicators. */
  partOf: z.number().int().nonnegative().optional(),
});

export const CheckStatus = z.enum(['consistent', 'inconsistent', 'unaccounted', 'approximate', 'unverifiable']);

export { FLAGGED_STATUSES } from './checks/flagged.js';

export const CheckSchema = z.object({
  rule: z.string(),
  status: CheckStatus,
  subject: z.object({ id: z.string(), value: z.number() }),
  expected: z.string().optional(),
  message: z.string(),
  /** Additions: the arithmetic in one line (418 + 295 + 25 = 738), and the records used. */
  arithmetic: z.string().optional(),
  inputs: z.array(z.number().int().nonnegative()).optional(),
  section: z.number().int().nonnegative().optional(),
});

export const SectionSchema = z.object({
  title: z.string(),
  place: z.string().nullable(),
  level: z.string().nullable(),
  year: z.number().int().nullable(),
  period: z.string().optional(),
  issuer: z.string().optional(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  duplicateOf: z.number().int().nonnegative().optional(),
});

/** One candidate binding of a number (--explain): the binder, the label it read, and what the refiners made of it. */
export const CandidateSchema = z.object({
  binder: z.string(),
  label: z.string(),
  labelStart: z.number().int().nonnegative(),
  labelEnd: z.number().int().nonnegative(),
  /** The rule that took the number, when one did. */
  rule: z.string().optional(),
  id: z.string().optional(),
  kept: z.boolean(),
  /** The refiner that dropped the candidate, and why. */
  refiner: z.string().optional(),
  reason: z.string().optional(),
});

/** What became of one number in the text (--explain). */
export const ExplainSchema = z.object({
  number: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  line: z.number().int().positive(),
  /** figure: it became one; dropped: every candidate, or the figure, was dropped by a refiner; taken: a list gave its place to an item without a label; change: 个百分点; households: a count of households right before the persons in them (39户53人), who take the label; damaged: digits the host site altered; unbound: no label was found for it. */
  outcome: z.enum(['figure', 'dropped', 'taken', 'change', 'households', 'damaged', 'unbound']),
  /** The figure's id, or the id it would have had. */
  id: z.string().optional(),
  candidates: z.array(CandidateSchema),
  refiner: z.string().optional(),
  reason: z.string().optional(),
});

/** What a number that became no figure is (coverage.ts). */
export const CoverageClass = z.enum(['year', 'date', 'age', 'marker', 'label', 'identifier', 'change', 'baseline', 'target', 'standard', 'damaged', 'meaning', 'listItem', 'households', 'other', 'bare']);

/** What became of every number in the text (coverage.ts). */
export const CoverageSchema = z.object({
  /** Number tokens in the text: the numbers read, and the digit runs passed over (years, dates, markers). */
  numbers: z.number().int().nonnegative(),
  /** How many became figures. */
  figures: z.number().int().nonnegative(),
  /** Numbers with a unit of count, money or rate (人, 例, 元, %, ‰, 107:100). */
  withUnit: z.number().int().nonnegative(),
  /** The share of those that became figures or were classified: 100 when none is left unread. */
  percent: z.number().int().min(0).max(100),
  /**
   * How many were classified as something else: year, date, age, marker (list or page), label
   * (a numeral inside a label: 一孩, 313工程), identifier, change, baseline, target, standard
   * (per head), damaged, meaning (the same words in another sense), listItem (an item without a
   * label), households (before the persons in them), other (a quantity outside the indicators,
   * named by a word of the grammar's `others`: 死亡, 三查, 培训), bare (no unit, nothing to say).
   */
  classified: z.partialRecord(
    CoverageClass,
    z.number().int().nonnegative(),
  ),
  /** Numbers with a unit that became no figure and that nothing classified: the ones to read by hand. */
  unread: z.array(z.object({ text: z.string(), start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), line: z.number().int().positive() })),
});

export const ReportSchema = z.object({
  source: z.string(),
  encoding: z.string().optional(),
  /** The document the text was extracted from: pdf, docx or doc (a Word 97–2003 or WPS file). Absent for text and HTML, whose offsets are the file's own. Offsets in a document's report point into its extracted text. */
  format: z.enum(['pdf', 'docx', 'doc']).optional(),
  indicators: z.array(IndicatorSchema),
  checks: z.array(CheckSchema),
  warnings: z.array(z.string()),
  error: z.string().optional(),
  /** Addition: `warnings` again, each with where it applies: the section and line it is about (none for the file's own, such as decoding). */
  warningDetails: z.array(z.object({ message: z.string(), line: z.number().int().positive().optional(), section: z.number().int().nonnegative().optional() })).optional(),
  sections: z.array(SectionSchema).optional(),
  coverage: CoverageSchema.optional(),
  /** With --explain: every number and its candidates, in text order. */
  explain: z.array(ExplainSchema).optional(),
});

export type Indicator = z.infer<typeof IndicatorSchema>;
export type Check = z.infer<typeof CheckSchema>;
export type CheckStatus = z.infer<typeof CheckStatus>;
export type Section = z.infer<typeof SectionSchema>;
export type Report = z.infer<typeof ReportSchema>;
export type Explained = z.infer<typeof ExplainSchema>;
export type Coverage = z.infer<typeof CoverageSchema>;
