/**
 * Attaching labels to numbers. A number belongs to the nearest label before it
 * when only filler stands between them (为, 达到, 共, 控制在了, a bracketed
 * note: the grammar's `gap`), and to a wording right after it otherwise
 * (4660余名妇女做了妇科检查). The rule must accept the number's unit, its
 * context must fit, and the non-mention filters (targets, per-head standards,
 * baselines) must not fire. Changes (比上年增加…) never qualify: a change word
 * is not filler, and 个百分点 is no rule's unit. Two layouts pair otherwise:
 * lists (一孩率、二孩率分别为56.6%、40.0%: respectively.ts) and table rows
 * (出生人数\t1083, where a count may go without its unit).
 */
import { countAtOrBefore } from '../util/bisect.js';
import { BREAKS, COMMA, FULL_STOP, LINE_BREAK, SEMICOLON } from './chars.js';
import { headingAt, listHeadings } from './headings.js';
import type { LabelMention } from './labels.js';
import { respectively } from './bind/list.js';
import type { Normalized } from './normalize.js';
import { readWithUnit, type NumberMention } from './numbers/scan.js';
import { sectionStartAt } from './sections.js';
import type { CompiledRule, RuleSet } from '../rules/load.js';
import type { AcceptedUnit } from '../rules/schema.js';

export type Attached = {
  id: string;
  rule: CompiledRule;
  number: NumberMention;
  /** The label wording as it stands in the text. */
  label: { start: number; end: number; literal: string };
  start: number;
  end: number;
  scope?: string;
  /** For a figure composed from its parent (其中政策内 under 一孩): the parent's id. */
  parentId?: string;
};

// What ends a paragraph, a sentence, a clause (in normalised text): the look-backs
// below test every character, and a table read is far cheaper than a regex call.
const PARAGRAPH_BREAK = LINE_BREAK;
const SENTENCE_BREAK = LINE_BREAK | FULL_STOP | SEMICOLON;
const CLAUSE_BREAK = SENTENCE_BREAK | COMMA;
const CLAUSE_WINDOW = 40;
// How far after a number the `after` filters look (的标准, 相比).
const AFTER_WINDOW = 12;
const CONTEXT_WINDOW = 300;
// What may stand between a parent figure and a composed child: 一孩418人,其中政策内418人.
// Not ";": 多孩69人;政策内出生2790人 starts a new list.
const PARENT_LINK = /^[\s,、(]*(?:其中)?[:,]?\s*$/;
// Longer than any link; also keeps the test above linear (its two \s runs are ambiguous on a long gap).
const PARENT_LINK_MAX = 12;
// How many labels a bracket in the gap may hold before the label it follows is passed over: (男:女) holds two.
const MAX_BRACKETED_LABELS = 3;
const MAX_BRACKET_SPAN = 24;

/**
 * Whether the rule takes the number. `row`: the label opens its line and the
 * number closes it (a table row, 出生人数\t1083), where a count's unit stands
 * in the header, so a bare number counts; never money (元 or 万元?).
 */
function accepts(rule: CompiledRule, n: NumberMention, row = false): boolean {
  if (n.unitClass === 'delta') return false; // 个百分点: a change, never a figure
  const cls: AcceptedUnit = n.unitClass === 'none' ? (n.scaled ? 'scaled' : 'bare') : n.unitClass;
  if (!rule.accepts.includes(cls) && !(row && cls === 'bare' && rule.accepts.includes('count'))) return false;
  return !rule.units || n.unit === undefined || rule.units.includes(n.unit);
}

// What may open a table row before its label: nothing, or a list marker (1、 (一) 2.).
const ROW_OPENING = /^[ \t]*(?:(?:\d{1,2}[、.]|[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十\d]{1,3}\))[ \t]*)?$/;

const ROW_OPENING_MAX = 12;

function isRow(text: string, labelStart: number, n: NumberMention): boolean {
  if (n.unitClass !== 'none' || n.scaled) return false;
  // The line's start, looked for only as far back as an opening can reach: on a
  // long line a search to its start for every number would cost its square.
  let lineStart = labelStart;
  while (lineStart > 0 && labelStart - lineStart <= ROW_OPENING_MAX && text[lineStart - 1] !== '\n') lineStart--;
  if (lineStart > 0 && text[lineStart - 1] !== '\n') return false;
  if (!ROW_OPENING.test(text.slice(lineStart, labelStart))) return false;
  let j = n.end;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
  return j >= text.length || text[j] === '\n';
}

// A table row's unit: in its label's bracket (总人口(万人)\t28.6), or in a cell of
// its own between label and number (总人口\t万人\t28.6, as HTML tables give).
const ROW_UNIT = /\((万人|万元|亿元|元|万)\)/;
const CELL_UNIT = /^[ \t]*\t(万人|万元|亿元|元|万|人|名|例|对|户|%|‰)[ \t]*\t[ \t]*$/;

/**
 * A bare number in a table row, read in the unit its row gives: 总人口(万人)\t28.6
 * is 286000 persons, not 28.6; 征收社会抚养费\t万元\t34 is 340000 yuan.
 * Undefined when the row gives no unit.
 */
function withRowUnit(n: NumberMention, gap: string): NumberMention | undefined {
  const word = (ROW_UNIT.exec(gap) ?? CELL_UNIT.exec(gap))?.[1];
  return word ? readWithUnit(n, word) : undefined;
}

/** Just after the last character before `from` that is a `brk` break, looking back at most `window` characters. */
function backTo(text: string, from: number, brk: number, window: number): number {
  const min = Math.max(0, from - window);
  for (let i = from - 1; i >= min; i--) if (BREAKS[text.charCodeAt(i)]! & brk) return i + 1;
  return min;
}

/** `norm`: the normalised text; `sectionStarts`: where the reports in it start (sections.ts), so that a heading never reaches into the next report. */
export function attach(norm: Normalized, numbers: NumberMention[], labels: LabelMention[], set: RuleSet, sectionStarts: number[] = []): Attached[] {
  const { text, units } = norm;
  const g = set.grammar;
  const out: Attached[] = [];
  const headingRe = g.rejects.heading;
  const headings = headingRe ? listHeadings(text) : undefined;
  // A report has few headings and many figures under each: each heading is tested once.
  const planHeading = new Map<string, boolean>();
  const listed = respectively(text, numbers, labels, g);
  // Where scope words start: few, and the same for every figure, so found once.
  const scopeStarts = g.scopeTrie ? g.scopeTrie.scan(units, (start) => start) : [];
  // Plan words (下一步, 明年) are rare: found once, then looked up for each figure.
  const plans = hitsOf(text, g.rejects.sentence);
  let li = -1;
  for (let k = 0; k < numbers.length; k++) {
    const n = numbers[k]!;
    if (n.unitClass === 'delta') continue;
    const prevEnd = k > 0 ? numbers[k - 1]!.end : 0;
    while (li + 1 < labels.length && labels[li + 1]!.end <= n.start) li++;
    const before = li >= 0 ? labels[li]! : undefined;
    // The rule chosen, the label that names the figure, and the figure's span (label to number, or number to label).
    let rule: CompiledRule | undefined;
    let label: { start: number; end: number; literal: string } | undefined;
    let start = n.start;
    let end = n.end;
    // The number as read: a table row's label may carry its unit (总人口(万人)\t28.6).
    let number = n;

    const inList = listed.get(k);
    // A number whose place in a list belongs to an item without a label names something else.
    if (inList === null) continue;
    if (inList) {
      rule = pick(inList.rules, n, text, inList.start, prevEnd, g.rejects, plans);
      label = inList;
      start = inList.start;
    } else if (before && before.start >= prevEnd) {
      const row = isRow(text, before.start, n);
      const gap = row ? text.slice(before.end, n.start) : '';
      const read = row ? withRowUnit(n, gap) : undefined;
      // A unit cell binds a row's label to its number as the grammar's gap would.
      if (bindsTo(before, n, prevEnd, text, g) || (read && CELL_UNIT.test(gap))) {
        const m = read ?? n;
        rule = pick(before.rules, m, text, before.start, prevEnd, g.rejects, plans, row);
        if (rule) number = m;
        label = before;
        start = before.start;
      }
    }
    // A label inside a bracket the gap allows (出生人口性别比(男:女)为108.5) may not take
    // the number; then the label before it may, when the grammar binds them across it.
    const inBracket = !rule && !inList && before !== undefined && closesBefore(text, before.end, n.start);
    for (let j = li - 1; inBracket && !rule && j >= 0 && li - j <= MAX_BRACKETED_LABELS && labels[j]!.start >= prevEnd; j--) {
      const outer = labels[j]!;
      if (!bindsTo(outer, n, prevEnd, text, g)) continue;
      rule = pick(outer.rules, n, text, outer.start, prevEnd, g.rejects, plans, isRow(text, outer.start, n));
      label = outer;
      start = outer.start;
    }
    // 出生人口性别比由上年的118.5下降到112.3: the figure is the number the change ends at.
    if (!rule && !inList && before && g.fromTo && k > 0 && before.start < prevEnd) {
      const base = numbers[k - 1]!;
      if (
        base.start >= before.end &&
        n.start - before.end <= 2 * g.maxGap &&
        g.fromTo.fromRe.test(text.slice(before.end, base.start)) &&
        g.fromTo.toRe.test(text.slice(base.end, n.start)) &&
        // 由每年240元提高至360元 is a per-head standard: the clause filters see the change too.
        !g.rejects.clause?.test(text.slice(before.end, n.start))
      ) {
        rule = pick(before.rules, n, text, before.start, before.start, g.rejects, plans);
        label = before;
        start = before.start;
      }
    }
    const after = rule ? undefined : set.afterTrie?.longestAt(units, n.end);
    if (after) {
      rule = pick(set.afterLabels.get(after)!, n, text, n.start, prevEnd, g.rejects, plans);
      label = { start: n.end, end: n.end + after.length, literal: after };
      start = n.start;
      end = label.end;
    }
    if (!rule || !label) continue;
    if (g.rejects.after?.test(text.slice(n.end, n.end + AFTER_WINDOW))) continue;
    if (headings && headingRe) {
      const heading = headingAt(headings, start, sectionStartAt(sectionStarts, start));
      if (heading) {
        let plan = planHeading.get(heading);
        if (plan === undefined) planHeading.set(heading, (plan = headingRe.test(heading)));
        if (plan) continue;
      }
    }

    const record: Attached = { id: rule.id, rule, number, label, start, end };
    const scope = scopeOf(norm, start, set, out, scopeStarts);
    if (scope) record.scope = scope;
    compose(record, out[out.length - 1], text);
    if (rule.onlyWithParent && !record.parentId) continue;
    out.push(record);
  }
  return out;
}

/** Where a pattern matches in a text, in order: found once per text, not once per figure. */
type Hits = { starts: number[]; ends: number[] };

function hitsOf(text: string, re: RegExp | null): Hits {
  const hits: Hits = { starts: [], ends: [] };
  if (!re) return hits;
  const all = new RegExp(re.source, 'gu');
  for (let m = all.exec(text); m; m = all.exec(text)) {
    if (!m[0].length) {
      all.lastIndex++;
      continue;
    }
    hits.starts.push(m.index);
    hits.ends.push(m.index + m[0].length);
  }
  return hits;
}

/** Whether a hit lies in the sentence before `at` (as far back as CONTEXT_WINDOW). */
function inSentenceBefore(hits: Hits, text: string, at: number): boolean {
  const k = countAtOrBefore(hits.ends.length, (i) => hits.ends[i]!, at) - 1;
  if (k < 0 || hits.starts[k]! < at - CONTEXT_WINDOW) return false;
  for (let i = hits.ends[k]!; i < at; i++) if (BREAKS[text.charCodeAt(i)]! & SENTENCE_BREAK) return false;
  return true;
}

/** Whether a bracket closes in [from, to): the label before it may sit inside the bracket. */
function closesBefore(text: string, from: number, to: number): boolean {
  // A label and its number stand close: a longer stretch is not read (nor scanned, which on a long line would cost its square).
  if (to - from > MAX_BRACKET_SPAN) return false;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 0x29) return true;
  return false;
}

/** Whether the text from a label to a number is one the grammar lets bind them. */
function bindsTo(label: LabelMention, n: NumberMention, prevEnd: number, text: string, g: RuleSet['grammar']): boolean {
  if (label.start < prevEnd || n.start - label.end > g.maxGap) return false;
  return label.end === n.start ? g.gapMayBeEmpty : g.gapRe.test(text.slice(label.end, n.start));
}

function pick(
  rules: CompiledRule[],
  n: NumberMention,
  text: string,
  labelStart: number,
  prevEnd: number,
  rejects: RuleSet['grammar']['rejects'],
  plans: Hits,
  row = false,
): CompiledRule | undefined {
  for (const rule of rules) {
    if (!accepts(rule, n, row)) continue;
    if (rule.requiresRe) {
      const from = backTo(text, labelStart, PARAGRAPH_BREAK, CONTEXT_WINDOW);
      if (!rule.requiresRe.test(text.slice(from, labelStart))) continue;
    }
    if (rule.forbidsRe) {
      const from = backTo(text, labelStart, SENTENCE_BREAK, CONTEXT_WINDOW);
      if (rule.forbidsRe.test(text.slice(from, labelStart))) continue;
    }
    // The clause since the previous number: in 按每户120元/年的标准发放保健费,共6.54万元
    // the standard belongs to 120元, not to the total after it.
    if (rejects.clause?.test(text.slice(Math.max(prevEnd, backTo(text, labelStart, CLAUSE_BREAK, CLAUSE_WINDOW)), labelStart))) return undefined;
    // The sentence so far: in 下一步,要把出生率控制在11‰以内 the plan is named a comma earlier.
    if (inSentenceBefore(plans, text, labelStart)) return undefined;
    return rule;
  }
  return undefined;
}

/**
 * The last scope word in the sentence before the label. A scope word that is
 * part of an earlier figure's own label (常住户籍人口153310人) names that
 * figure, not a scope for what follows.
 */
function scopeOf({ text, units }: Normalized, at: number, set: RuleSet, earlier: Attached[], starts: number[]): string | undefined {
  const scopes = set.grammar.scopeTrie;
  if (!scopes || !starts.length) return undefined;
  const from = backTo(text, at, SENTENCE_BREAK, CONTEXT_WINDOW);
  let scope: string | undefined;
  // Scope words left to right, each taking the longest wording that ends by `at`, none
  // overlapping. Only where some scope word starts (`starts`) can one be found.
  let next = from;
  for (let k = countAtOrBefore(starts.length, (i) => starts[i]!, from - 1); k < starts.length && starts[k]! < at; k++) {
    const s = starts[k]!;
    if (s < next) continue; // inside the word taken before
    const word = scopes.longestAt(units, s, at);
    if (!word) continue;
    const e = s + word.length;
    let inLabel = false;
    for (let k = earlier.length - 1; k >= 0 && earlier[k]!.end > from; k--) {
      const l = earlier[k]!.label;
      if (s < l.end && e > l.start) inLabel = true;
    }
    if (!inLabel) scope = word;
    next = e;
  }
  return scope;
}

/** 一孩418人,其中政策内418人 → births.first.inPolicy: the rule's parent map, keyed by the figure right before. */
function compose(record: Attached, prev: Attached | undefined, text: string): void {
  const map = record.rule.parent;
  if (!map || !prev) return;
  if (record.label.start - prev.end > PARENT_LINK_MAX) return;
  const between = text.slice(prev.end, record.label.start);
  if (!PARENT_LINK.test(between)) return;
  // A share (一孩418人,占56.64%) is not a part in the figure's unit.
  const sameKind = record.number.unitClass === prev.number.unitClass;
  // 二孩102人,政策外出生25人: a wording that names births in full (…出生) after a bare
  // comma starts a new figure; a part needs 其中 or a bracket to read as one.
  if (sameKind && !/其中|\(/.test(between) && /出生|生育/.test(record.label.literal)) return;
  const parent = prev.parentId ?? prev.id;
  const id = map[parent];
  if (!id) return;
  // A part cannot exceed the figure it is part of (for a sibling, its parent is further back: skip the test).
  if (!prev.parentId && sameKind && record.number.value > prev.number.value) return;
  record.id = id;
  record.parentId = parent;
}
