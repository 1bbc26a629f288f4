/**
 * Lists with 分别: each listed label takes the number in its place; and labels
 * listed before 均 share the number after it (list-pairs.ts pairs both once per text).
 */
import { labelFirst, type Binder } from './binding.js';

export const list: Binder = {
  name: 'list',
  bind(p, { k, listed, n, prevEnd }) {
    const shared = listed === undefined ? p.shared.get(k) : undefined;
    if (shared) return shared.map((label) => labelFirst('list', label, label.rules, n, prevEnd, false, true));
    if (listed === undefined) return undefined;
    // The number's place in the list belongs to an item without a label: it names something else.
    if (listed === null) return 'taken';
    return labelFirst('list', listed, listed.rules, n, prevEnd);
  },
};
