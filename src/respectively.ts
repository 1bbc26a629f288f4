/**
 * Lists: 一孩率、二孩率、多孩率分别为56.64%、39.97%、3.39%. The labels listed
 * before the grammar's `respectively` word (分别为) are paired, in order, with
 * the numbers listed after it, when there are as many of each; otherwise
 * nothing is paired, so a list that does not line up gives no figure.
 */
import type { LabelMention } from './labels.js';
import type { NumberMention } from './numbers.js';
import type { RuleSet } from './rules/load.js';

const SPACE_ONLY = /^[\s:]*$/;
// Real lists are short, and so is what joins their items: a longer run of
// joined labels is not a list this tool can trust to pair.
const MAX_ITEMS = 12;
const MAX_JOIN = 8;

/** Number index → the label it is paired with. */
export function respectively(text: string, numbers: NumberMention[], labels: LabelMention[], grammar: RuleSet['grammar']): Map<number, LabelMention> {
  const pairs = new Map<number, LabelMention>();
  if (!grammar.respectively) return pairs;
  const { wordRe, separatorRe } = grammar.respectively;
  wordRe.lastIndex = 0;
  let li = 0;
  let ni = 0;
  for (let m = wordRe.exec(text); m; m = wordRe.exec(text)) {
    while (li < labels.length && labels[li]!.end <= m.index) li++;
    const listedLabels: LabelMention[] = [];
    for (let j = li - 1; j >= 0 && listedLabels.length <= MAX_ITEMS; j--) {
      const l = labels[j]!;
      const upTo = listedLabels.length ? listedLabels[0]!.start : m.index;
      if (upTo - l.end > MAX_JOIN) break;
      if (!(listedLabels.length ? separatorRe : SPACE_ONLY).test(text.slice(l.end, upTo))) break;
      listedLabels.unshift(l);
    }
    // Fewer than two is no list; more than the bound, no list this tool can trust.
    if (listedLabels.length < 2 || listedLabels.length > MAX_ITEMS) continue;
    const after = m.index + m[0].length;
    while (ni < numbers.length && numbers[ni]!.start < after) ni++;
    const listedNumbers: number[] = [];
    for (let k = ni; k < numbers.length && listedNumbers.length < listedLabels.length; k++) {
      const from = listedNumbers.length ? numbers[listedNumbers[listedNumbers.length - 1]!]!.end : after;
      if (numbers[k]!.start - from > MAX_JOIN) break;
      if (!(listedNumbers.length ? separatorRe : SPACE_ONLY).test(text.slice(from, numbers[k]!.start))) break;
      listedNumbers.push(k);
    }
    if (listedNumbers.length !== listedLabels.length) continue;
    listedNumbers.forEach((k, i) => pairs.set(k, listedLabels[i]!));
  }
  return pairs;
}
