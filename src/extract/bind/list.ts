/** Lists with 分别: each listed label takes the number in its place (list-pairs.ts pairs them once per text). */
import { labelFirst, type Binder } from './binding.js';

export const list: Binder = {
  name: 'list',
  bind(p, { k, n, prevEnd }) {
    const item = p.lists.get(k);
    if (item === undefined) return undefined;
    // The number's place in the list belongs to an item without a label: it names something else.
    if (item === null) return 'taken';
    return [labelFirst('list', item, item.rules, n, prevEnd)];
  },
};
