/**
 * Zeros stated in words: 无多孩出生, 杜绝了政策外生育, 多孩出生为零. They are no
 * figures (a report that says 无多孩出生 states no count), but the checks read them:
 * a part that is 0 closes a split, so 一孩 + 二孩 short of the births is a
 * contradiction, not a list that may leave some out. A zero of a total is a zero of
 * its parts too (无政策外出生: no out-of-policy first births either).
 */
import type { Registry } from '../rules/registry.js';
import type { RuleSet } from '../rules/load.js';
import { SENTENCE_BREAK } from './chars.js';
import { backTo } from './passage.js';

/** A zero the text states: the id it makes 0, where, and the words (in the normalised text). */
export type Zero = { id: string; start: number; end: number; text: string };

export function zerosOf(text: string, set: RuleSet): Zero[] {
  const { zeros, zerosAny, zerosUnless, rejects } = set.grammar;
  // One pass says whether any zero is stated, and where the first is: no expression matches before it.
  const first = zerosAny ? text.search(zerosAny) : -1;
  if (first < 0) return [];
  const out: Zero[] = [];
  for (const z of zeros) {
    z.re.lastIndex = first;
    for (let m = z.re.exec(text); m; m = z.re.exec(text)) {
      const end = m.index + m[0].length;
      // The name of a campaign or a target (“无政策外多孩出生”活动, 无政策外生育村) states nothing.
      if (zerosUnless?.test(text.slice(end, end + 6)) || text[m.index - 1] === '"' || text[m.index - 1] === '“') continue;
      // A zero to be reached (力争无多孩出生, 明年…) is a target, not a fact.
      const sentence = text.slice(backTo(text, m.index, SENTENCE_BREAK, 80), m.index);
      if (rejects.clause?.test(sentence) || rejects.sentence?.test(sentence)) continue;
      for (const id of withParts(z.id, set.registry)) out.push({ id, start: m.index, end, text: m[0] });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The id and, through the registry's splits, every id that is part of it. */
function withParts(id: string, registry: Registry): string[] {
  const ids = [id];
  for (let i = 0; i < ids.length; i++) for (const p of registry.partIds.get(ids[i]!) ?? []) if (!ids.includes(p)) ids.push(p);
  return ids;
}
