/**
 * Lists: 一孩率、二孩率、多孩率分别为56.64%、39.97%、3.39%. The items listed
 * before the grammar's `respectively` word (分别为) are paired, in order, with
 * the numbers listed after it, when there are exactly as many of each;
 * otherwise nothing is paired, so a list that does not line up gives no figure.
 *
 * Items need not all be labels this tool knows: in 出生率、死亡率、自然增长率
 * 分别为11.2‰、6.1‰、5.1‰ the death rate holds a place in the list, and its
 * number is passed over, not given to the next label. Counting the places is
 * what keeps 6.1‰ from becoming the birth rate.
 */
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
    // Fewer than two is no list; more than the bound, no list this tool can trust.
    if (!items || items.length < 2 || items.length > MAX_ITEMS || !items.some((i) => i)) continue;
    const after = m.index + m[0].length;
    while (ni < numbers.length && numbers[ni]!.start < after) ni++;
    const listedNumbers: number[] = [];
    for (let k = ni; k < numbers.length && listedNumbers.length <= items.length; k++) {
      const from = listedNumbers.length ? numbers[listedNumbers[listedNumbers.length - 1]!]!.end : after;
      if (numbers[k]!.start - from > MAX_JOIN) break;
      if (!(listedNumbers.length ? separatorRe : SPACE_ONLY).test(text.slice(from, numbers[k]!.start))) break;
      listedNumbers.push(k);
    }
    // As many numbers as items, and no more joined on: 一孩、二孩分别为418人、295人、25人 pairs nothing.
    if (listedNumbers.length !== items.length) continue;
    for (let i = 0; i < items.length; i++) pairs.set(listedNumbers[i]!, items[i]!);
  }
  return pairs;
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
