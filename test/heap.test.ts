/**
 * The heap keeper (batch/heap.ts): a long batch asks for a full collection
 * once the old generation has outgrown the last one's by the slack, and not before.
 */
import { describe, expect, it } from 'vitest';
import { heapKeeper } from '../src/batch/heap.js';

describe('heapKeeper', () => {
  it('collects once the heap has grown by the slack since the last collection, and measures again from there', () => {
    // The old generation's size as the keeper reads it, moved by hand.
    let bytes = 10e6;
    const keeper = heapKeeper(4e6, () => bytes);
    const steps: [number, boolean][] = [
      [12e6, false], // grown by 2 MB: under the slack
      [13.9e6, false],
      [14e6, true], // by 4 MB: collected, and the size read again (still 14 MB here)
      [17e6, false], // 3 MB over the new floor
      [18e6, true],
      [5e6, false], // shrunk: nothing to do
    ];
    for (const [size, collects] of steps) {
      bytes = size;
      expect(keeper.check(), `at ${size / 1e6} MB`).toBe(collects);
    }
  });

  it('reaches V8\'s collector on this Node: a check past the slack runs a real full collection', () => {
    const keeper = heapKeeper(0);
    expect(keeper.check()).toBe(true);
  });

  it('measures the old generation by default, which a young generation of garbage does not move past the slack', () => {
    const keeper = heapKeeper(64 << 20);
    // Short-lived garbage fills the young generation and dies there.
    let sink = 0;
    for (let i = 0; i < 200_000; i++) sink += [i, i + 1].length;
    expect(sink).toBe(400_000);
    expect(keeper.check()).toBe(false);
  });
});
