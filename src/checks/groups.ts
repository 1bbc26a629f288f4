/**
 * What belongs together. Figures are only ever compared within one section
 * (one report) and one scope (a campaign's counts are not the year's parts).
 * Inside that, a total owns the run of figures that follows it in the same
 * paragraph (其中 …, a bracketed breakdown, 一孩…二孩…多孩) until the next total.
 */
import type { Indicator } from '../report.js';

export type Ref = { ind: Indicator; index: number };

/** The ids that open a list of parts. */
export const TOTAL_IDS = new Set(['births.total', 'surgery.total', 'subsidy.specialAssistance', 'subsidy.total.amount']);

const MAX_STEP = 80; // characters between one figure of a run and the next

export type Context = {
  text: string;
  groups: Map<string, Ref[]>;
};

export function groupKey(ind: Indicator): string {
  return `${ind.section ?? 0}|${ind.scope ?? ''}`;
}

export function buildContext(indicators: Indicator[], text: string): Context {
  const groups = new Map<string, Ref[]>();
  indicators.forEach((ind, index) => {
    const key = groupKey(ind);
    const list = groups.get(key) ?? [];
    list.push({ ind, index });
    groups.set(key, list);
  });
  return { text, groups };
}

/** The figures after `total` that may be its parts: same group, same paragraph, close together, before the next total. */
export function runAfter(ctx: Context, total: Ref, partIds: Set<string>): Map<string, Ref> {
  const group = ctx.groups.get(groupKey(total.ind))!;
  const parts = new Map<string, Ref>();
  let lastEnd = total.ind.end;
  // A bracketed breakdown right after the total ends with its bracket.
  const limit = bracketEnd(ctx.text, total.ind.end);
  for (const r of group) {
    if (r.ind.start < total.ind.end) continue;
    if (r.ind.start >= limit) break;
    const between = ctx.text.slice(lastEnd, r.ind.start);
    if (between.includes('\n') || between.length > MAX_STEP) break;
    // Parts may begin in the next sentence (…同比增加1105例。其中结扎…), but a list ends with its sentence.
    if (parts.size && /[。!?]/.test(between)) break;
    if (TOTAL_IDS.has(r.ind.id)) break;
    lastEnd = r.ind.end;
    if (!partIds.has(r.ind.id)) continue;
    if (parts.has(r.ind.id)) break; // a second list begins
    parts.set(r.ind.id, r);
  }
  return parts;
}

function bracketEnd(text: string, from: number): number {
  let i = from;
  while (text[i] === ' ') i++;
  if (text[i] !== '(' && text[i] !== '（') return Infinity;
  let depth = 0;
  for (; i < text.length && i < from + 400; i++) {
    const c = text[i];
    if (c === '(' || c === '（') depth++;
    else if ((c === ')' || c === '）') && --depth === 0) return i;
    else if (c === '\n') return i;
  }
  return Infinity;
}

/** The figure with this id in the same group nearest to `at`, preferring one before it. */
export function nearest(ctx: Context, like: Indicator, id: string, at: number): Ref | undefined {
  const group = ctx.groups.get(groupKey(like)) ?? [];
  let before: Ref | undefined;
  let after: Ref | undefined;
  for (const r of group) {
    if (r.ind.id !== id) continue;
    if (r.ind.start <= at) before = r;
    else if (!after) after = r;
  }
  return before ?? after;
}
