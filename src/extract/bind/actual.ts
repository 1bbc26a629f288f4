/**
 * The actual figure after a limit it is measured against: 自然增长率控制在5‰以内,
 * 实际为4.56‰. The number after 实际为 takes the label of the number before it
 * (whose own figure the after-filter drops as a target).
 */
import { labelFirst, type Binder } from './binding.js';

const ACTUAL = /^[\s,]*(?:而|但)?实际(?:上)?(?:为|是|达到|达|完成|仅为|只有)?[\s:]*$/u;

export const actual: Binder = {
  name: 'actual',
  bind(p, { k, n, prevEnd }) {
    const before = p.before;
    if (!before || before.k !== k - 1 || !ACTUAL.test(p.text.slice(p.numbers[k - 1]!.end, n.start))) return undefined;
    const b = before.binding;
    return labelFirst('actual', b.label, b.rules, n, Math.min(prevEnd, b.label.start));
  },
};
