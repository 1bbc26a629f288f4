import { countAtOrBefore } from '../util/bisect.js';

/** 1-based line numbers for offsets, by binary search over line starts. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  // A carriage return alone ends a line too (old Mac files).
  if (text.includes('\r')) {
    for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text[i + 1] !== '\n') starts.push(i + 1);
    starts.sort((a, b) => a - b);
  }
  // Line n starts at starts[n − 1]: the number of line starts at or before the offset.
  return (offset: number) => countAtOrBefore(starts.length, (i) => starts[i]!, offset);
}
