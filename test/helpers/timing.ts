/**
 * The least time of a few runs, in ms: what a linearity test compares, since
 * other test files share the machine and any one run may be slowed by them.
 */
export function leastTime(run: () => void, runs = 3): number {
  let least = Infinity;
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    run();
    least = Math.min(least, performance.now() - t0);
  }
  return least;
}
