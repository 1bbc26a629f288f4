/** A wording right after the number names it: 4660余名妇女做了妇科检查. */
import { binding, type Binder } from './binding.js';

export const after: Binder = {
  name: 'after',
  bind(p, { n, prevEnd }) {
    const literal = p.set.afterTrie?.longestAt(p.units, n.end);
    if (!literal) return undefined;
    const label = { start: n.end, end: n.end + literal.length, literal };
    return binding('after', label, p.set.afterLabels.get(literal)!, n, n.start, label.end, n.start, prevEnd);
  },
};
