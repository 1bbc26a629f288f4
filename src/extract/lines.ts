import { countAtOrBefore } from '../util/bisect.js';

/** 1-based line numbers for offsets, by binary search over line starts. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  // Line n starts at starts[n − 1]: the number of line starts at or before the offset.
  return (offset: number) => countAtOrBefore(starts.length, (i) => starts[i]!, offset);
}
