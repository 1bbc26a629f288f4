/**
 * Finding label wordings: one pass of the trie of every rule's wordings,
 * keeping overlapping candidates, then the longest wins where candidates overlap
 * (政策外出生 over 出生, 计划生育手术并发症人员扶助金 over 计划生育手术).
 */
import { sortShort } from '../util/order.js';
import type { CompiledRule, RuleSet } from '../rules/load.js';
import { scanPair } from '../rules/trie.js';

export type LabelMention = { start: number; end: number; literal: string; rules: CompiledRule[] };

/** A scope word of the grammar (流动人口, 城区) where it starts: the longest there. */
export type ScopeWord = { start: number; literal: string };

/** The words of a text the binders and refiners read: label wordings, overlaps resolved, and scope words. */
export type Words = { labels: LabelMention[]; scopes: ScopeWord[] };

/** `units`: the normalised text's code units (normalize.ts). */
export function scanLabels(units: Uint16Array, set: RuleSet): LabelMention[] {
  return resolveOverlaps(set.labelTrie.scan(units, (start, literal, index) => labelAt(set, start, literal, index)));
}

/** The labels and the scope words, found in one pass over the text (scanPair). */
export function scanWords(units: Uint16Array, set: RuleSet): Words {
  const scopes = set.grammar.scopeTrie;
  if (!scopes) return { labels: scanLabels(units, set), scopes: [] };
  const [found, words] = scanPair(units, set.labelTrie, (start, literal, index) => labelAt(set, start, literal, index), scopes, (start, literal): ScopeWord => ({ start, literal }));
  // Label candidates may overlap (计划生育 inside 计划生育率): the longest wins.
  return { labels: resolveOverlaps(found), scopes: words };
}

/** `index`: the literal's in the label trie, where its rules are found without a lookup by string. */
function labelAt(set: RuleSet, start: number, literal: string, index: number): LabelMention {
  return { start, end: start + literal.length, literal, rules: set.labelRules[index]! };
}

/**
 * Longest first, then leftmost; drops every candidate that overlaps a kept one.
 * Only candidates that overlap, directly or through others, can compete, so
 * the text splits into clusters, each resolved on its own: most candidates are
 * alone, and a sort of every candidate cost more than the trie scan itself.
 */
export function resolveOverlaps<T extends { start: number; end: number }>(found: T[]): T[] {
  if (found.length < 2) return found;
  const byStart = isSortedByStart(found) ? found : [...found].sort((a, b) => a.start - b.start);
  const kept: T[] = [];
  for (let i = 0; i < byStart.length; ) {
    let j = i + 1;
    let reach = byStart[i]!.end;
    while (j < byStart.length && byStart[j]!.start < reach) reach = Math.max(reach, byStart[j++]!.end);
    if (j === i + 1) kept.push(byStart[i]!);
    else for (const c of resolveCluster(byStart.slice(i, j))) kept.push(c);
    i = j;
  }
  return kept;
}

function isSortedByStart(xs: { start: number }[]): boolean {
  for (let i = 1; i < xs.length; i++) if (xs[i]!.start < xs[i - 1]!.start) return false;
  return true;
}

const longestFirst = (a: Span, b: Span) => b.end - b.start - (a.end - a.start) || a.start - b.start;
const byStart = (a: Span, b: Span) => a.start - b.start;
type Span = { start: number; end: number };
// Beyond this many candidates, a cluster marks the characters taken rather than testing each kept one.
const SMALL_CLUSTER = 16;

/** The greedy choice within one cluster of overlapping candidates (a copy, reordered here); in order of start. */
function resolveCluster<T extends Span>(cluster: T[]): T[] {
  const order = sortShort(cluster, longestFirst);
  const kept: T[] = [];
  if (order.length <= SMALL_CLUSTER) {
    // A few candidates (nearly every cluster): each is tested against the few already kept.
    for (const c of order) {
      let free = true;
      for (const k of kept) if (c.start < k.end && k.start < c.end) free = false;
      if (free) kept.push(c);
    }
    return sortShort(kept, byStart);
  }
  const lo = order.reduce((m, c) => Math.min(m, c.start), Infinity);
  const hi = order.reduce((m, c) => Math.max(m, c.end), 0);
  const taken = new Uint8Array(hi - lo);
  for (const c of order) {
    let free = true;
    for (let i = c.start; i < c.end; i++) if (taken[i - lo]) { free = false; break; }
    if (!free) continue;
    taken.fill(1, c.start - lo, c.end - lo);
    kept.push(c);
  }
  return sortShort(kept, byStart);
}
