/**
 * Sorting the short lists that hot code sorts for every report (a cluster of
 * overlapping labels, the parts of a total). The built-in sort allocates
 * working storage on every call, which made it one of the largest sources of
 * garbage per report; an insertion sort of a few items allocates nothing.
 * Both are stable, so the order is the same. Longer lists go to the built-in
 * sort, whose time does not grow with the square of their length.
 */
const SHORT = 16;

export function sortShort<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > SHORT) return items.sort(compare);
  for (let i = 1; i < items.length; i++) {
    const x = items[i]!;
    let j = i - 1;
    for (; j >= 0 && compare(items[j]!, x) > 0; j--) items[j + 1] = items[j]!;
    items[j + 1] = x;
  }
  return items;
}
