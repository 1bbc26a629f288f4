/**
 * The actual figure after a limit it is measured against: 自然增长率控制在5‰以内,
 * 实际为4.56‰. The number after 实际为 takes the label of the number before it
 * (whose own figure the after-filter drops as a target).
 */
import { labelFirst, type Binder } from './binding.js';

const ACTUAL = /^[\s,]*(?:而|但)?实际(?:上)?(?:为|是|达到|达|完成|仅为|只有)?[\s:]*$/u;
const SHI = '实'.charCodeAt(0);
const JI = '际'.charCodeAt(0);

/** Whether 实际 stands in the few characters before `at`: most numbers have none, and need no slice. */
function actualBefore(text: string, at: number): boolean {
  for (let i = at - 2; i >= 0 && i >= at - 8; i--) if (text.charCodeAt(i) === SHI && text.charCodeAt(i + 1) === JI) return true;
  return false;
}

export const actual: Binder = {
  name: 'actual',
  bind(p, { k, n, prevEnd }) {
    const before = p.before;
    if (!before || before.k !== k - 1 || !actualBefore(p.text, n.start) || !ACTUAL.test(p.text.slice(p.numbers[k - 1]!.end, n.start))) return undefined;
    const b = before.binding;
    return labelFirst('actual', b.label, b.rules, n, Math.min(prevEnd, b.label.start));
  },
};
