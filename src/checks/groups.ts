/**
 * What belongs together. Figures are only ever compared within one section
 * (one report) and one scope (a campaign's counts are not the year's parts).
 * Inside that, a total owns the run of figures that follows it in the same
 * paragraph (其中 …, a bracketed breakdown, 一孩…二孩…多孩) until the next total.
 */
import { countAtOrBefore } from '../util/bisect.js';
import { BREAKS, FULL_STOP, LINE_BREAK, SEMICOLON } from '../extract/chars.js';
import type { Indicator } from '../report.js';
import type { Registry } from '../rules/registry.js';
import type { Zero } from '../extract/zeros.js';
import type { Standard } from '../extract/standards.js';

/** A figure and its index in Report.indicators; `at` is its position within its group, `key` names the group. */
export type Ref = { ind: Indicator; index: number; at: number; key: string };


const MAX_STEP = 80; // characters between one figure of a run and the next
// A year, printed in digits or numerals: what names a period.
const YEAR = /(?:\d{4}|[〇零一二三四五六七八九]{4})年(?!龄|度内)/u;

/** The breaks in text[from, to) (at most MAX_STEP characters), as chars.ts's bits: read in place, not sliced out and searched. */
function breaksIn(text: string, from: number, to: number): number {
  let bits = 0;
  for (let i = from; i < to; i++) bits |= BREAKS[text.charCodeAt(i)]!;
  return bits;
}

export type Context = {
  text: string;
  /** Zeros the text states in words (extract/zeros.ts), in text order: found on first use, as most reports need none. */
  zeros(): Zero[];
  /** Scopes of late registrations (补报), which a total may count and its split not. */
  lateScopes: ReadonlySet<string>;
  /** Per-head standards the text states (extract/standards.ts), in text order: found on first use. */
  standards(): Standard[];
  registry: Registry;
  /** The ids that open a list of parts (the registry's totals). */
  totals: ReadonlyMap<string, unknown>;
  groups: Map<string, Ref[]>;
  /** Every figure's Ref, by its index in Report.indicators. */
  refs: Ref[];
  /** Per group, per id: that id's figures in text order (for nearest-figure look-ups). */
  byId: Map<string, Map<string, Ref[]>>;
};

function groupKey(ind: Indicator, alone?: ReadonlySet<string>): string {
  const scope = ind.scope && alone?.has(`${ind.section ?? 0}|${ind.scope}`) ? '' : (ind.scope ?? '');
  return `${ind.section ?? 0}|${scope}`;
}

/** Scopes that name the population a figure is of: they set groups apart only where a report contrasts two of them. */
export const POPULATION_SCOPES = new Set(['户籍人口', '常住人口', '全员人口']);

/**
 * The population scopes that stand alone in their section (section|scope): a report of the 户籍人口
 * only (全区户籍人口出生3452人。…一孩出生2103人) compares its figures as one group.
 */
function loneScopes(indicators: Indicator[]): Set<string> {
  const seen = new Map<number, Set<string>>();
  for (const ind of indicators) {
    if (!ind.scope || !POPULATION_SCOPES.has(ind.scope)) continue;
    const s = seen.get(ind.section ?? 0) ?? new Set<string>();
    s.add(ind.scope);
    seen.set(ind.section ?? 0, s);
  }
  const alone = new Set<string>();
  for (const [section, scopes] of seen) if (scopes.size === 1) alone.add(`${section}|${[...scopes][0]}`);
  return alone;
}

export function buildContext(indicators: Indicator[], text: string, registry: Registry, zeros: () => Zero[] = () => [], lateScopes: readonly string[] = [], standards: () => Standard[] = () => []): Context {
  const alone = loneScopes(indicators);
  const groups = new Map<string, Ref[]>();
  const byId = new Map<string, Map<string, Ref[]>>();
  const refs: Ref[] = [];
  // Consecutive figures nearly always share a group: its key is made again only when it changes.
  let key = '';
  let section: number | undefined = -1;
  let scope: string | undefined;
  for (let index = 0; index < indicators.length; index++) {
    const ind = indicators[index]!;
    if (ind.section !== section || ind.scope !== scope) {
      section = ind.section;
      scope = ind.scope;
      key = groupKey(ind, alone);
    }
    const list = groups.get(key) ?? [];
    const ref = { ind, index, at: list.length, key };
    list.push(ref);
    refs.push(ref);
    groups.set(key, list);
    const ids = byId.get(key) ?? new Map<string, Ref[]>();
    const same = ids.get(ind.id) ?? [];
    same.push(ref);
    ids.set(ind.id, same);
    byId.set(key, ids);
  }
  return { text, zeros: once(zeros), lateScopes: new Set(lateScopes), standards: once(standards), registry, totals: registry.partSets, groups, refs, byId };
}

/** `make`'s result, made on the first call only. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/** The figures after `total` that may be its parts: same group, same paragraph, close together, before the next total. */
export function runAfter(ctx: Context, total: Ref, partIds: Set<string>): Map<string, Ref> {
  const group = ctx.groups.get(total.key)!;
  const parts = new Map<string, Ref>();
  let lastEnd = total.ind.end;
  // A bracketed breakdown right after the total ends with its bracket; a note without figures (1250例(人次)) ends nothing.
  let limit = bracketEnd(ctx.text, total.ind.end);
  const next = group[total.at + 1];
  if (limit !== Infinity && !(next && next.ind.start < limit)) limit = Infinity;
  for (let k = total.at + 1; k < group.length; k++) {
    const r = group[k]!;
    if (r.ind.start < total.ind.end) continue;
    if (r.ind.start >= limit) break;
    if (r.ind.start - lastEnd > MAX_STEP) break;
    const ends = breaksIn(ctx.text, lastEnd, r.ind.start);
    if (ends & LINE_BREAK) break;
    // Another year begins another period (2012年出生300人,其中一孩200人;2013年二孩120人).
    if (YEAR.test(ctx.text.slice(lastEnd, r.ind.start))) break;
    // Parts may begin in the next sentence (…同比增加1105例。其中结扎…), but a list ends with its sentence.
    if (parts.size && ends & FULL_STOP) break;
    // Another total ends the run, unless it is a part of this one (结扎196例 in a list of operations).
    if (ctx.totals.has(r.ind.id) && !partIds.has(r.ind.id)) break;
    lastEnd = r.ind.end;
    if (!partIds.has(r.ind.id)) continue;
    if (parts.has(r.ind.id)) break; // a second list begins
    parts.set(r.ind.id, r);
  }
  return parts;
}

/**
 * The figures right before `total` that may be its parts, for totals stated
 * last (一孩618人,二孩452人,三孩及以上13人,出生总数1083人). Stricter than
 * runAfter: the parts must run without a break or another figure up to the total,
 * and within one clause-separated sentence (not past ; 。 or a line).
 */
export function runBefore(ctx: Context, total: Ref, partIds: Set<string>): Map<string, Ref> {
  const group = ctx.groups.get(total.key)!;
  const parts = new Map<string, Ref>();
  let firstStart = total.ind.start;
  for (let k = total.at - 1; k >= 0; k--) {
    const r = group[k]!;
    if (r.ind.end > firstStart) continue; // overlapping spans (a 分别 list)
    if (firstStart - r.ind.end > MAX_STEP || breaksIn(ctx.text, r.ind.end, firstStart) & (LINE_BREAK | FULL_STOP | SEMICOLON)) break;
    if (YEAR.test(ctx.text.slice(r.ind.end, firstStart))) break;
    if (!partIds.has(r.ind.id) || parts.has(r.ind.id)) break;
    parts.set(r.ind.id, r);
    firstStart = r.ind.start;
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

/** This id's figures in the group of `like`, and how many of them start at or before `at`. */
function located(ctx: Context, like: Ref, id: string, at: number, key = like.key): { list: Ref[]; upTo: number } {
  const list = ctx.byId.get(key)?.get(id) ?? [];
  return { list, upTo: countAtOrBefore(list.length, (i) => list[i]!.ind.start, at) };
}

/**
 * The figures with this id in the same group as `like` nearest to `at`: at most `k` each side, in
 * text order. `unscoped`: or, when the group has none, those of the same section without a scope
 * (births among the 户籍人口 against the 户籍总人口, which is no scope of its own).
 */
export function around(ctx: Context, like: Ref, id: string, at: number, k: number, unscoped = false): Ref[] {
  let { list, upTo } = located(ctx, like, id, at);
  if (!list.length && unscoped && like.ind.scope) ({ list, upTo } = located(ctx, like, id, at, groupKey({ ...like.ind, scope: undefined })));
  return list.slice(Math.max(0, upTo - k), upTo + k);
}

/** The figure with this id in the same group as `like` nearest to `at`, preferring one before it. */
export function nearest(ctx: Context, like: Ref, id: string, at: number): Ref | undefined {
  // The last figure starting at or before `at`, else the first after it.
  const { list, upTo } = located(ctx, like, id, at);
  // Never read at −1: an index out of range (a string key to V8) turns the read megamorphic.
  return upTo > 0 ? list[upTo - 1] : list[upTo];
}

/** The zeros stated in words for `ids` in the paragraph of `total`, after its start: 全年出生265人,一孩187人,二孩76人。无多孩出生. */
export function zerosFor(ctx: Context, total: Ref, ids: string[]): Zero[] {
  if (!ids.length || !ctx.zeros().length) return [];
  const out: Zero[] = [];
  const end = ctx.text.indexOf('\n', total.ind.end);
  const limit = Math.min(end < 0 ? ctx.text.length : end, total.ind.end + ZERO_REACH);
  for (const z of ctx.zeros()) {
    if (z.start < total.ind.start || z.start >= limit) continue;
    if (ids.includes(z.id) && !out.some((o) => o.id === z.id)) out.push(z);
  }
  return out;
}
// How far after its total a zero stated in words may stand.
const ZERO_REACH = 200;
