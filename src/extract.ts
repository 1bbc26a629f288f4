/**
 * The pipeline, in order: normalise (one character for one) → find numbers →
 * find labels → attach → assemble records → check. Pure: no I/O.
 */
import { attach, type Attached } from './attach.js';
import { runChecks } from './checks/index.js';
import { scanLabels } from './labels.js';
import { lineIndex } from './lines.js';
import { normalized } from './normalize.js';
import { scanNumbers } from './numbers.js';
import { reportOf, type Indicator, type Report, type Section } from './report.js';
import { sectionAt, splitSections, type SectionInfo } from './sections.js';
import { defaultRules, type RuleSet } from './rules/load.js';
import { plausibility } from './checks/plausibility.js';

export type ExtractOptions = {
  /** The path to report as `source`; "-" for standard input. */
  source?: string;
  /** What the bytes were decoded from, when the caller decoded them. */
  encoding?: string;
  /** Rules to use instead of the built-in ones (see loadRules). */
  rules?: RuleSet;
  /** Warnings from decoding, to carry into the report. */
  warnings?: string[];
};

export function extract(text: string, options: ExtractOptions = {}): Report {
  const set = options.rules ?? defaultRules();
  const found = splitSections(text);
  const sections = found.map(withoutWarnings);
  const indicators = findIndicators(text, set, sections);
  const checks = runChecks(indicators, text);
  // Pushed, not spread: this runs once per report, and spreads cost microseconds in V8.
  const warnings = options.warnings ? options.warnings.slice() : [];
  for (const s of found) for (const w of s.warnings) warnings.push(w);
  for (const w of plausibility(indicators, checks)) warnings.push(w);
  return reportOf(options.source ?? '-', options.encoding || undefined, indicators, checks, warnings, undefined, sections);
}

/** A section as the report gives it: its warnings go to the report's list. One shape for every section (see report.ts). */
function withoutWarnings(s: SectionInfo): Section {
  return { title: s.title, place: s.place, level: s.level, year: s.year, period: s.period, issuer: s.issuer, start: s.start, end: s.end, duplicateOf: s.duplicateOf };
}

/**
 * Every figure the rules recognise, in text order, with its source span; with
 * `sections`, each also names the section it lies in.
 */
export function findIndicators(text: string, set: RuleSet = defaultRules(), sections?: Section[]): Indicator[] {
  const norm = normalized(text);
  const numbers = scanNumbers(norm.text);
  const labels = scanLabels(norm.units, set);
  const attached = attach(norm, numbers, labels, set, sections);
  const lineOf = lineIndex(text);
  return attached.map((a) => toIndicator(a, text, lineOf, sections ? sectionAt(sections, a.start) : undefined));
}

const RATE_UNITS = new Set(['%', '‰', 'ratio']);

function toIndicator(a: Attached, text: string, lineOf: (o: number) => number, section: number | undefined): Indicator {
  const n = a.number;
  const unit = n.unitClass === 'count' || n.unitClass === 'money' || n.unitClass === 'rate' || n.unitClass === 'ratio' ? n.unit! : a.rule.unit;
  // Every field, in the contract's order, absent ones undefined: one shape for every figure (see report.ts).
  return {
    id: a.id,
    value: n.value,
    unit,
    text: text.slice(a.start, a.end),
    start: a.start,
    end: a.end,
    line: lineOf(a.start),
    decimals: n.decimals > 0 || RATE_UNITS.has(unit) ? n.decimals : undefined,
    approximate: n.approximate || undefined,
    scope: a.scope,
    printed: n.digits,
    bound: n.bound,
    label: text.slice(a.label.start, a.label.end),
    rule: a.rule.name,
    section,
  };
}
