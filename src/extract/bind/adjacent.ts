/** The commonest reading: the nearest label before the number, with only the grammar's gap (为, 达到, 共 …) between. */
import { labelFirst, type Binder } from './binding.js';
import { bindsTo } from './gap.js';

export const adjacent: Binder = {
  name: 'adjacent',
  near: true,
  bind(p, { n, prevEnd, before, listed, row }) {
    // A table row is the row binder's.
    if (!before || listed !== undefined || row) return undefined;
    if (!bindsTo(before, n, prevEnd, p.text, p.grammar)) return undefined;
    return labelFirst('adjacent', before, before.rules, n, prevEnd);
  },
};
