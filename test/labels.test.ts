/**
 * Overlapping label candidates: the longest wins, then the leftmost. The
 * clustered resolution must choose exactly as one greedy pass over every
 * candidate would (the definition, kept here as the oracle).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveOverlaps } from '../src/extract/labels.js';

type Span = { start: number; end: number };

function greedy(found: Span[]): Span[] {
  const order = [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Span[] = [];
  for (const c of order) if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}

const span = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 8 })).map(([start, n]) => ({ start, end: start + n }));

describe('resolveOverlaps', () => {
  it.each([
    ['政策外出生 over 出生 inside it', [[0, 5], [3, 5]], [[0, 5]]],
    ['the longer of two crossing wordings', [[0, 4], [2, 8]], [[2, 8]]],
    ['the leftmost of two of one length', [[0, 4], [2, 6]], [[0, 4]]],
    ['a chain: the middle one wins and frees neither neighbour', [[0, 3], [2, 7], [6, 9]], [[2, 7]]],
    ['a chain: the ends win when the middle is shorter', [[0, 4], [3, 5], [4, 8]], [[0, 4], [4, 8]]],
    ['touching spans do not overlap', [[0, 2], [2, 4]], [[0, 2], [2, 4]]],
  ])('keeps %s', (_name, input, expected) => {
    const spans = input.map(([start, end]) => ({ start: start!, end: end! }));
    expect(resolveOverlaps(spans)).toEqual(expected.map(([start, end]) => ({ start, end })));
  });

  it('chooses as one greedy pass over every candidate does, in any input order', () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 40 }), (spans) => {
        expect(resolveOverlaps(spans)).toEqual(greedy(spans));
      }),
      { numRuns: 2000 },
    );
  });
});
