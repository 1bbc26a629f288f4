/**
 * What one report gives the panel, made where the report is extracted (a
 * worker thread): each of its sections with its place, year and period, a
 * signature of its text for finding the same report elsewhere, and for each
 * indicator the figure the wide CSV's rule chooses, with its provenance. The
 * panel is assembled from these in the main thread; no text crosses over.
 */
import type { Report } from '../report.js';
import { choose, mentionsBySection, type WideLayout } from '../output/wide.js';
import { normalized } from '../extract/normalize/index.js';
import { defaultRules } from '../rules/load.js';
import { signature } from './signature.js';
import { parseNumber } from '../extract/numbers/scan.js';
import { PART_OF_YEAR } from '../extract/refine/period.js';

/** The figure a section gives for one indicator, with where it stands in the text. */
export type Cell = {
  value: number;
  unit: string;
  approximate?: boolean;
  bound?: 'min' | 'max';
  scope?: string;
  /** The period the figure's sentence names, when it is not the report's own. */
  period?: string;
  /** How many different values the section states for it (the wide CSV's n). */
  values: number;
  line: number;
  text: string;
};

export type SectionRecord = {
  source: string;
  section: number;
  title: string;
  place: string | null;
  year: number | null;
  /** year, or the part of it the title names (上半年, 前三季度, 1-10月, 截至9月底). */
  period: string;
  figures: number;
  signature: number[];
  cells: Record<string, Cell>;
  /** Figures it gives for the year before. */
  baselines: Baseline[];
};

/** A figure a report gives for the year before its own (比上年的11250人, 由上年的113.2下降到111.8): evidence about that year. */
export type Baseline = { id: string; value: number; line: number; text: string };

export type ReportRecord = { source: string; error?: string; sections: SectionRecord[] };

/** The period a report covers, from its title: the year, or the part of it the title names (the figures' own rule, period.ts). */
export function reportPeriod(title: string): string {
  return PART_OF_YEAR.exec(title)?.[0].replace(/\s+/g, '') ?? 'year';
}

// 出生11480人,比上年的11250人增加230人 · 出生人口性别比由上年的113.2下降到111.8
const LAST_YEAR = String.raw`(?:上年|去年|上一年)(?:同期)?(?:的)?`;
const NUMERAL = String.raw`(\d+(?:\.\d+)?\s*万?)`;
const AFTER = new RegExp(String.raw`^\s*[,，]?\s*(?:比|较|与)${LAST_YEAR}\s*${NUMERAL}`, 'u');
const WITHIN = new RegExp(String.raw`由${LAST_YEAR}\s*${NUMERAL}\s*[‰%]?\s*(?:下降|上升|降|升|增加|减少|提高)(?:到|至|为)`, 'u');

/** The figure for the year before that a figure's own words give: right after it, or inside its span (由上年的A下降到B). */
export function baselineNear(text: string, start: number, end: number): { value: number; text: string } | undefined {
  const after = AFTER.exec(text.slice(end, end + 24));
  const m = after ?? WITHIN.exec(text.slice(start, end));
  if (!m) return undefined;
  const n = parseNumber(m[1]!.replace(/\s+/g, ''));
  if (!n) return undefined;
  return { value: n.value, text: text.slice(start, after ? end + after[0].length : end) };
}

export function reportRecord(r: Report, text: string | undefined, layout: WideLayout): ReportRecord {
  if (r.error) return { source: r.source, error: r.error, sections: [] };
  const sections = r.sections?.length ? r.sections : [{ title: '', place: null, level: null, year: null, start: 0, end: text?.length ?? 0 }];
  const rules = defaultRules();
  const out: SectionRecord[] = [];
  const bySection = mentionsBySection(r.indicators);
  // Each section's figure count and baselines, in one pass over the figures (not a filter per section).
  const counts = new Map<number, number>();
  const baselines = new Map<number, Baseline[]>();
  for (const f of r.indicators) {
    const k = f.section ?? 0;
    counts.set(k, (counts.get(k) ?? 0) + 1);
    const b = text === undefined ? undefined : baselineNear(text, f.start, f.end);
    if (b) (baselines.get(k) ?? baselines.set(k, []).get(k)!).push({ id: f.id, value: b.value, line: f.line, text: b.text });
  }
  sections.forEach((s, k) => {
    if (s.duplicateOf !== undefined) return;
    const byId = bySection.get(k);
    const cells: Record<string, Cell> = {};
    for (const id of layout.ids) {
      const mentions = byId?.get(id);
      const c = mentions && choose(mentions, layout.wholeScopes, s);
      if (!c) continue;
      const f = c.chosen;
      const cell: Cell = { value: f.value, unit: f.unit, values: c.values, line: f.line, text: f.text };
      if (f.approximate) cell.approximate = true;
      if (f.bound) cell.bound = f.bound;
      if (f.scope) cell.scope = f.scope;
      if (c.period !== 'own' && f.period) cell.period = f.period;
      cells[id] = cell;
    }
    const body = text === undefined ? '' : normalized(text.slice(s.start, s.end), rules).text;
    out.push({ source: r.source, section: k, title: s.title, place: s.place, year: s.year, period: reportPeriod(s.title), figures: counts.get(k) ?? 0, signature: signature(body), cells, baselines: baselines.get(k) ?? [] });
  });
  return { source: r.source, sections: out };
}
