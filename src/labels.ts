/**
 * Finding label wordings: one pass of the combined literal scanner, keeping
 * overlapping candidates, then the longest wins where candidates overlap
 * (政策外出生 over 出生, 计划生育手术并发症人员扶助金 over 计划生育手术).
 */
import type { CompiledRule, RuleSet } from './rules/load.js';

export type LabelMention = { start: number; end: number; literal: string; rules: CompiledRule[] };

export function scanLabels(text: string, set: RuleSet): LabelMention[] {
  const found: LabelMention[] = [];
  const re = set.labelScanner;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    found.push({ start: m.index, end: m.index + m[0].length, literal: m[0], rules: set.labels.get(m[0])! });
    re.lastIndex = m.index + 1; // candidates may overlap; resolved below
  }
  return resolveOverlaps(found);
}

/** Longest first, then leftmost; drops every candidate that overlaps a kept one. */
export function resolveOverlaps<T extends { start: number; end: number }>(found: T[]): T[] {
  if (found.length < 2) return found;
  let lo = Infinity;
  let hi = 0;
  for (const c of found) {
    if (c.start < lo) lo = c.start;
    if (c.end > hi) hi = c.end;
  }
  const order = [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: T[] = [];
  const taken = new Uint8Array(hi - lo);
  for (const c of order) {
    let free = true;
    for (let i = c.start; i < c.end; i++) if (taken[i - lo]) { free = false; break; }
    if (!free) continue;
    taken.fill(1, c.start - lo, c.end - lo);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
