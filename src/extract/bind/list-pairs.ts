/**
 * Lists: 一孩率、二孩率、多孩率分别为56.64%、39.97%、3.39%. The items listed
 * before the grammar's `respectively` word (分别为) are paired, in order, with
 * the numbers listed after it, when there are exactly as many of each;
 * otherwise nothing is paired, so a list that does not line up gives no figure.
 *
 * Items need not all be labels this tool knows: in 出生率、机械增长率、自然增长率
 * 分别为11.2‰、6.1‰、5.1‰ the migration rate holds a place in the list, and its
 * number is passed over, not given to the next label. Counting the places is
 * what keeps 6.1‰ from becoming the natural increase rate.
 */
import { codeAt } from '../chars.js';
import type { LabelMention } from '../labels.js';
import type { NumberMention } from '../numbers/scan.js';
import type { RuleSet } from '../../rules/load.js';

const SPACE_ONLY = /^[\s:]*$/;
// Real lists are short, and so is what joins their items: a longer run of
// joined labels is not a list this tool can trust to pair.
const MAX_ITEMS = 12;
const MAX_JOIN = 8;
// An item this tool has no label for (死亡率, 晚婚率) is a short run of Chinese
// characters; the first item of a list may run into the words before it.
const MAX_WORD = 8;

type Separators = { separatorRe: RegExp; separatorBeforeRe: RegExp };

/** A character an unlisted item may hold: a CJK ideograph that does not join items (和, 及). */
function isWordChar(c: string | undefined, { separatorRe }: Separators): boolean {
  return c !== undefined && c >= '\u4e00' && c <= '\u9fff' && !separatorRe.test(c);
}

/**
 * Number index → the label it is paired with, or null for a number whose place
 * in a list belongs to an item without a label: it names something else, and
 * must not be read as the figure of a label elsewhere.
 */
export function listPairs(text: string, numbers: NumberMention[], labels: LabelMention[], grammar: RuleSet['grammar']): Map<number, LabelMention | null> {
  const pairs = new Map<number, LabelMention | null>();
  if (!grammar.respectively) return pairs;
  const separators = grammar.respectively;
  const { wordRe, separatorRe } = separators;
  wordRe.lastIndex = 0;
  let li = 0;
  let ni = 0;
  for (let m = wordRe.exec(text); m; m = wordRe.exec(text)) {
    while (li < labels.length && labels[li]!.end <= m.index) li++;
    const items = listBefore(text, m.index, labels, li, separators);
    const after = m.index + m[0].length;
    while (ni < numbers.length && numbers[ni]!.start < after) ni++;
    // One label and several numbers: the same measure of several years or places
    // (三年的计划生育率分别为93.2%、94.6%、95.8% · 分别为:城关镇96.1%、河口乡95.2%).
    if (items?.length === 1 && items[0] && m[0].length > 2) {
      const each = run(text, numbers, ni, after, MAX_ITEMS, separatorRe, true);
      if (each.length >= 2 && each.length <= MAX_ITEMS && each.every((k) => numbers[k]!.unit === numbers[each[0]!]!.unit)) for (const k of each) pairs.set(k, items[0]);
      continue;
    }
    // Fewer than two is no list; more than the bound, no list this tool can trust.
    if (!items || items.length < 2 || items.length > MAX_ITEMS || !items.some((i) => i)) continue;
    let listedNumbers = run(text, numbers, ni, after, items.length, separatorRe);
    // As many numbers as items, and no more joined on: 一孩、二孩分别为418人、295人、25人 pairs nothing.
    if (listedNumbers.length !== items.length) continue;
    for (let i = 0; i < items.length; i++) pairs.set(listedNumbers[i]!, items[i]!);
    // Later runs of as many numbers in the same sentence name the same items (…分别为8.57‰和2.62‰,
    // 比2005年上升1.31和1.75个千分点,五年平均控制在7.65‰和1.81‰以内), unless a change leads them.
    for (;;) {
      const last = numbers[listedNumbers[listedNumbers.length - 1]!]!;
      const next = listedNumbers[listedNumbers.length - 1]! + 1;
      if (next >= numbers.length) break;
      const lead = text.slice(last.end, numbers[next]!.start);
      if (lead.length > MAX_LEAD || SENTENCE_END.test(lead)) break;
      listedNumbers = run(text, numbers, next, numbers[next]!.start, items.length, separatorRe);
      if (listedNumbers.length !== items.length) break;
      if (CHANGE.test(lead)) continue;
      for (let i = 0; i < items.length; i++) pairs.set(listedNumbers[i]!, items[i]!);
    }
  }
  return pairs;
}

// How far a later run of a list may stand from the run before it, and what ends the sentence they share.
const MAX_LEAD = 24;
const SENTENCE_END = /[。;!?\n]/u;
// A change leads a run: its numbers are the changes of the items, not their levels.
const CHANGE = /(?:上升|下降|增加|减少|提高|降低|增长|回落|回升)(?![到至为])|同比|比上年|比去年/u;

// A place or year named before each number of a one-label list: 城关镇96.1% · 2009年94.6%; never a change or comparison.
const NAME = /^(?:[\u4e00-\u9fff]{1,6}|\d{4}年)$/u;
const NOT_A_NAME = /比|上升|下降|增|减|提高|降低|回落|回升|同期|上年|去年/u;

/**
 * The numbers from index `from` joined into a list after `at` (at most one more than `limit`), as indexes.
 * `named`: each number may follow the name of its place or year.
 */
function run(text: string, numbers: NumberMention[], from: number, at: number, limit: number, separatorRe: RegExp, named = false): number[] {
  const listed: number[] = [];
  for (let k = from; k < numbers.length && listed.length <= limit; k++) {
    const prev = listed.length ? numbers[listed[listed.length - 1]!]!.end : at;
    if (numbers[k]!.start - prev > MAX_JOIN + (named ? 8 : 0)) break;
    const joint = listed.length ? separatorRe : SPACE_ONLY;
    const gap = text.slice(prev, numbers[k]!.start);
    if (!joint.test(gap) && !(named && namedJoint(gap, joint))) break;
    listed.push(k);
  }
  return listed;
}

/** Whether `gap` is a joint and then a name: 、河口乡 · 和2010年 · :城关镇. */
function namedJoint(gap: string, joint: RegExp): boolean {
  if (NOT_A_NAME.test(gap)) return false;
  for (let i = 0; i < gap.length; i++) if (NAME.test(gap.slice(i)) && joint.test(gap.slice(0, i))) return true;
  return false;
}

/**
 * The items listed right before `at`, leftmost first: a label, or null for a
 * word without one. Undefined when more than MAX_ITEMS are joined.
 * `li` is the index of the first label that ends after `at`.
 */
function listBefore(text: string, at: number, labels: LabelMention[], li: number, separators: Separators): (LabelMention | null)[] | undefined {
  const items: (LabelMention | null)[] = [];
  let j = li - 1; // the last label that ends by `pos`
  let pos = at;
  for (;;) {
    while (j >= 0 && labels[j]!.end > pos) j--;
    const label = j >= 0 ? labels[j]! : undefined;
    let start: number;
    // Known: a label ending here (the item next to 分别 may be followed by a space or colon).
    if (label && (label.end === pos || (items.length === 0 && pos - label.end <= MAX_JOIN && SPACE_ONLY.test(text.slice(label.end, pos))))) {
      items.unshift(label);
      start = label.start;
      j--;
    } else {
      // Unknown: the word of CJK characters ending here. One that runs on past
      // MAX_WORD is the first item, its start lost in the words before it.
      let k = pos;
      while (k > pos - MAX_WORD && isWordChar(text[k - 1], separators)) k--;
      if (k === pos) return items.length ? items : undefined;
      items.unshift(null);
      if (isWordChar(text[k - 1], separators)) break;
      start = k;
    }
    if (items.length > MAX_ITEMS) return undefined;
    const sep = separators.separatorBeforeRe.exec(text.slice(Math.max(0, start - 4), start));
    if (!sep) break;
    const end = start - sep[0].length;
    // A comma also ends clauses: it joins two labels (上环,取环分别为), never a word this tool does not know.
    if (sep[0].trim() === ',') {
      while (j >= 0 && labels[j]!.end > end) j--;
      if (!(j >= 0 && labels[j]!.end === end)) break;
    }
    pos = end;
  }
  return items;
}

/**
 * One value for several listed labels: 计划生育率、节育率、一胎领证率均达到了100%
 * gives the policy rate and the contraceptive rate 100 each (items without a
 * label pass). Number index → the labels that share it.
 */
export function sharedPairs(text: string, numbers: NumberMention[], labels: LabelMention[], grammar: RuleSet['grammar']): Map<number, LabelMention[]> {
  const shared = new Map<number, LabelMention[]>();
  const r = grammar.respectively;
  if (!r?.sharedRe) return shared;
  let li = 0;
  for (let k = 0; k < numbers.length; k++) {
    const n = numbers[k]!;
    // The shared word ends right before the number (spaces aside): most numbers have none of its last characters there.
    let e = n.start;
    while (e > 0 && text.charCodeAt(e - 1) === 32) e--;
    if (!SHARED_LAST.has(codeAt(text, e - 1))) continue;
    const m = r.sharedRe.exec(text.slice(Math.max(0, n.start - MAX_SHARED_WORD), n.start));
    if (!m) continue;
    const at = n.start - m[0].length;
    while (li < labels.length && labels[li]!.end <= at) li++;
    const items = listBefore(text, at, labels, li, r);
    const named = items?.filter((i): i is LabelMention => i !== null) ?? [];
    const prevEnd = k > 0 ? numbers[k - 1]!.end : 0;
    if (!items || items.length < 2 || items.length > MAX_ITEMS || !named.length || named[0]!.start < prevEnd) continue;
    shared.set(k, named);
  }
  return shared;
}
const MAX_SHARED_WORD = 8;
// The characters a shared word (均, 都为, 均达到了, 都保持在 …) can end with.
const SHARED_LAST = new Set([...'均都为是到达了在有'].map((c) => c.charCodeAt(0)));
