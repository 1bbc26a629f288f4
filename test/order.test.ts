/** sortShort orders exactly as the built-in (stable) sort does, short lists or long. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortShort } from '../src/util/order.js';

describe('sortShort', () => {
  it('gives the order Array.prototype.sort gives, equal keys keeping their order', () => {
    // Few distinct keys, so that ties are common; a tag tells tied items apart.
    const item = fc.record({ key: fc.integer({ min: 0, max: 4 }), tag: fc.nat() });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (items) => {
        const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
        expect(sortShort(items.slice(), byKey)).toEqual(items.slice().sort(byKey));
      }),
      { numRuns: 2000 },
    );
  });
});
