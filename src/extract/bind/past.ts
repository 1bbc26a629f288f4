/**
 * A label that cannot take the number does not hide the label before it:
 * in 本年度放环一孩17例, 一孩 (a count of births, in 人) names the women the
 * operation was done for, and 放环 takes the cases.
 */
import { accepts } from '../refine/rule.js';
import { labelFirst, type Binder } from './binding.js';
import { bindsTo } from './gap.js';

export const past: Binder = {
  name: 'past',
  near: true,
  bind(p, { n, prevEnd, li, before, listed, row }) {
    if (!before || listed !== undefined || row || li < 1) return undefined;
    if (before.rules.some((r) => accepts(r, n, false))) return undefined;
    const outer = p.labels[li - 1]!;
    if (!bindsTo(outer, n, prevEnd, p.text, p.grammar)) return undefined;
    return labelFirst('past', outer, outer.rules, n, prevEnd);
  },
};
