/** A change from a baseline: 出生人口性别比由上年的118.5下降到112.3 gives 112.3, the level the change ends at. */
import { labelFirst, type Binder } from './binding.js';

export const fromTo: Binder = {
  name: 'fromTo',
  near: true,
  bind(p, { k, n, prevEnd, before, listed }) {
    const g = p.grammar;
    if (!before || !g.fromTo || listed !== undefined || k === 0 || before.start >= prevEnd) return undefined;
    const base = p.numbers[k - 1]!;
    const { text } = p;
    if (
      base.start >= before.end &&
      n.start - before.end <= 2 * g.maxGap &&
      g.fromTo.fromRe.test(text.slice(before.end, base.start)) &&
      g.fromTo.toRe.test(text.slice(base.end, n.start)) &&
      // 由每年240元提高至360元 is a per-head standard: the clause filters see the change too.
      !g.rejects.clause?.test(text.slice(before.end, n.start))
    ) {
      // The baseline stands between label and figure: the clause the filters read is the label's own.
      return labelFirst('fromTo', before, before.rules, n, before.start);
    }
    return undefined;
  },
};
