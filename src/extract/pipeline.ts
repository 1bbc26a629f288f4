/**
 * The pipeline, in order: normalise (one character for one) → find numbers →
 * find labels → attach → assemble records → check. Pure: no I/O.
 */
import { mapObjects, objectList, type EveryField } from '../util/shape.js';
import { countAtOrBefore } from '../util/bisect.js';
import { attach, type NumberTrace } from './attach.js';
import { explained } from './explain.js';
import type { Figure } from './refine/index.js';
import { runChecks } from '../checks/index.js';
import { scanWords } from './labels.js';
import { lineIndex } from './lines.js';
import { warningAt, type Located } from '../checks/plausibility.js';
import { normalized, sourceAt, sourceSpan, type Normalized } from './normalize/index.js';
import { scanNumbers, type Passed } from './numbers/scan.js';
import type { Coverage, Indicator, Report, Section } from '../report.js';
import { coverageOf } from './coverage.js';
import { sectionAt, sectionStarts, sectionsOf, type SectionInfo } from './sections.js';
import { defaultRules, type RuleSet } from '../rules/load.js';
import { plausibility } from '../checks/plausibility.js';
import { zerosOf } from './zeros.js';
import { standardsOf } from './standards.js';

export type ExtractOptions = {
  /** The path to report as `source`; "-" for standard input. */
  source?: string;
  /** What the bytes were decoded from, when the caller decoded them. */
  encoding?: string;
  /** Rules to use instead of the built-in ones (see loadRules). */
  rules?: RuleSet;
  /** Warnings from decoding, to carry into the report. */
  warnings?: string[];
  /** Record what became of every number (Report.explain), or of those on one line. */
  explain?: boolean | { line: number };
  /** The document the text was extracted from (pdf, docx, doc), when it was not plain text or HTML. */
  format?: Report['format'];
  /** Where each page starts in the text, for a document with pages: every figure then names its page. */
  pages?: number[];
};

export function extract(text: string, options: ExtractOptions = {}): Report {
  const set = options.rules ?? defaultRules();
  // Made once: every stage reads the normalised text, so a full-width ； or ， means what ; or , does.
  const norm = normalized(text, set);
  const found = sectionsOf(norm);
  const sections = mapObjects(found, asSection);
  const traces: NumberTrace[] | undefined = options.explain ? [] : undefined;
  // Lines are counted once for the report: figures, warnings and --explain read the same index.
  const lineOf = lineIndex(text);
  const { indicators, coverage } = indicatorsOf(norm, set, lineOf, sections, traces);
  // The checks read the normalised text at the figures' positions in it; then every offset is the source's.
  const checks = runChecks(indicators, norm.text, set.registry, { zeros: () => zerosOf(norm.text, set), lateScopes: set.grammar.clauseScopes, standards: () => standardsOf(norm.text) });
  toSourceOffsets(norm, indicators, sections);
  if (options.pages?.length) {
    const pages = options.pages;
    for (const ind of indicators) ind.page = countAtOrBefore(pages.length, (i) => pages[i]!, ind.start);
  }
  // Each warning with where it applies: the file (decoding), a section (its year), a figure's line and section.
  const details: Located[] = options.warnings ? mapObjects(options.warnings, (message) => warningAt(message)) : objectList();
  found.forEach((s, k) => {
    if (s.redacted === undefined) return;
    const line = lineOf(sections[k]!.start);
    details.push(warningAt(`line ${line}: the report year is redacted (${s.redacted}); year left empty`, line, k));
  });
  for (const w of plausibility(indicators, checks, set.registry)) details.push(w);
  const warnings = details.map((w) => w.message);
  const report = { source: options.source ?? '-' } as Report;
  if (options.encoding) report.encoding = options.encoding;
  if (options.format) report.format = options.format;
  report.indicators = indicators;
  report.checks = checks;
  report.warnings = warnings;
  report.warningDetails = details;
  report.sections = sections;
  report.coverage = coverage;
  if (traces) report.explain = explained(traces, norm, lineOf, typeof options.explain === 'object' ? options.explain.line : undefined);
  return report;
}

/** A section as the report gives it: a redacted year becomes a warning in the report's list. One literal in the contract's order, absent fields undefined (JSON leaves them out; util/shape.ts). */
function asSection(s: SectionInfo): Section {
  return { title: s.title, place: s.place, level: s.level, year: s.year, period: s.period, issuer: s.issuer, start: s.start, end: s.end, duplicateOf: s.duplicateOf } satisfies EveryField<Section>;
}

/**
 * Every figure the rules recognise, in text order, with its source span; with
 * `sections`, each also names the section it lies in.
 */
export function findIndicators(text: string, set: RuleSet = defaultRules()): Indicator[] {
  const norm = normalized(text, set);
  const { indicators } = indicatorsOf(norm, set, lineIndex(text));
  toSourceOffsets(norm, indicators, []);
  return indicators;
}

/**
 * The figures, with their quotes, lines and labels from the source but their
 * offsets still in the normalised text, where the checks read them
 * (toSourceOffsets moves them).
 */
function indicatorsOf(norm: Normalized, set: RuleSet, lineOf: (offset: number) => number, sections?: Section[], traces?: NumberTrace[]): { indicators: Indicator[]; coverage: Coverage } {
  const passed: Passed[] = [];
  const numbers = scanNumbers(norm.text, passed, norm.units);
  const words = scanWords(norm.units, set);
  const starts = sections ? sectionStarts(sections) : [];
  const { figures, outcomes } = attach(norm, numbers, words, set, starts, traces);
  const indicators = mapObjects(figures, (a) => {
    const ind = toIndicator(a, norm, lineOf);
    if (sections) ind.section = sectionAt(starts, a.start);
    if (a.whole) ind.partOf = figures.lastIndexOf(a.whole);
    return ind;
  });
  return { indicators, coverage: coverageOf(norm, numbers, passed, outcomes, lineOf, set.grammar) };
}

/** Offsets into the normalised text become offsets into the source, where repairs changed the length. */
function toSourceOffsets(norm: Normalized, indicators: Indicator[], sections: Section[]): void {
  if (!norm.offsets) return;
  for (const ind of indicators) [ind.start, ind.end] = sourceSpan(norm, ind.start, ind.end);
  for (const s of sections) [s.start, s.end] = [sourceAt(norm, s.start), sourceAt(norm, s.end)];
}

const RATE_UNITS = new Set(['%', '‰', 'ratio']);

function toIndicator(a: Figure, norm: Normalized, lineOf: (o: number) => number): Indicator {
  const text = norm.source;
  const [start, end] = sourceSpan(norm, a.start, a.end);
  const [labelStart, labelEnd] = sourceSpan(norm, a.label.start, a.label.end);
  const n = a.number;
  const unit = n.unitClass === 'count' || n.unitClass === 'money' || n.unitClass === 'rate' || n.unitClass === 'ratio' ? n.unit! : a.rule.unit;
  const showDecimals = n.decimals > 0 || RATE_UNITS.has(unit);
  // Every field in one literal, in the contract's order, absent ones undefined (JSON leaves
  // them out): one hidden class for every figure. Fields added when present made a dozen,
  // and every check that reads figures megamorphic.
  const ind: Indicator = {
    id: a.id,
    value: n.value,
    unit,
    text: text.slice(start, end),
    start: a.start,
    end: a.end,
    line: lineOf(start),
    decimals: showDecimals ? n.decimals : undefined,
    approximate: n.approximate ? true : undefined,
    scope: a.scope || undefined,
    period: a.period || undefined,
    printed: n.digits,
    bound: n.bound || undefined,
    range: n.range || undefined,
    label: text.slice(labelStart, labelEnd),
    rule: a.rule.name,
    section: undefined,
    partOf: undefined,
    page: undefined,
  };
  return ind;
}
