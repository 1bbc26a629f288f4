/**
 * Binary search over items in ascending order of a key (offsets, mostly): how
 * many of the first `length` items have a key at or before `x`. The last such
 * item, if any, is at index count − 1.
 */
export function countAtOrBefore(length: number, keyAt: (i: number) => number, x: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keyAt(mid) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
