/**
 * Finding label wordings: one pass of the trie of every rule's wordings,
 * keeping overlapping candidates, then the longest wins where candidates overlap
 * (政策外出生 over 出生, 计划生育手术并发症人员扶助金 over 计划生育手术).
 */
import type { CompiledRule, RuleSet } from './rules/load.js';

export type LabelMention = { start: number; end: number; literal: string; rules: CompiledRule[] };

export function scanLabels(text: string, set: RuleSet): LabelMention[] {
  // Candidates may overlap (计划生育 inside 计划生育率); resolved below.
  const found: LabelMention[] = set.labelTrie
    .scan(text)
    .map(({ start, literal }) => ({ start, end: start + literal.length, literal, rules: set.labels.get(literal)! }));
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
