/** Lists with 分别: each listed label takes the number in its place (list-pairs.ts pairs them once per text). */
import { labelFirst, type Binder } from './binding.js';

export const list: Binder = {
  name: 'list',
  bind(_p, { listed, n, prevEnd }) {
    if (listed === undefined) return undefined;
    // The number's place in the list belongs to an item without a label: it names something else.
    if (listed === null) return 'taken';
    return labelFirst('list', listed, listed.rules, n, prevEnd);
  },
};
