/** The commonest reading: the nearest label before the number, with only the grammar's gap (为, 达到, 共 …) between. */
import { labelFirst, type Binder } from './binding.js';
import { bindsTo } from './gap.js';
import { isRow } from './row.js';

export const adjacent: Binder = {
  name: 'adjacent',
  bind(p, { k, n, prevEnd, before }) {
    if (!before || p.lists.has(k) || isRow(p.text, before.start, n)) return undefined;
    if (!bindsTo(before, n, prevEnd, p.text, p.grammar)) return undefined;
    return [labelFirst('adjacent', before, before.rules, n, prevEnd)];
  },
};
