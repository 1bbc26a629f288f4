/**
 * The worker pool: results in path order whatever the number of jobs, and a
 * worker that dies fails its own file, not the batch.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GROWTH, defaultPlan, inOrder, runAll, type PoolOptions } from '../src/batch/pool.js';
import type { Rendered } from '../src/batch/render.js';
import { scratchDir } from './helpers/scratch.js';

const dir = scratchDir('pool');
const file = (name: string, births: number) => {
  const p = join(dir, name);
  writeFileSync(p, `全县共出生${births}人`);
  return p;
};
const options = { formats: ['jsonl' as const] };
// Workers send their output back as UTF-8 bytes; the main thread's own renderings are text.
const text = (piece: Rendered['pieces'][number]) => (typeof piece === 'string' ? piece : Buffer.from(piece).toString('utf8'));
const births = (r: Rendered) => (JSON.parse(text(r.pieces[0]!)).indicators[0]?.value as number | undefined);

// The built worker: tests run the TypeScript sources, and a worker thread needs JavaScript.
const builtWorker = new URL('../dist/batch/worker.js', import.meta.url);

async function collect(paths: string[], jobs: number, pool: PoolOptions = {}): Promise<Rendered[]> {
  const seen: Rendered[] = [];
  await runAll(paths, jobs, options, inOrder((r) => void seen.push(r)), { workerUrl: builtWorker, ...pool });
  return seen;
}

describe('runAll', () => {
  const paths = Array.from({ length: 40 }, (_, i) => file(`r${String(i).padStart(2, '0')}.txt`, 100 + i));

  const small = paths.map(() => 20);
  const large = paths.map(() => 1e6);
  it.each([
    [1, 'sizes unknown', {}],
    [2, 'sizes unknown', {}],
    [3, 'sizes unknown', {}],
    [2, 'small files, the main thread one of the jobs', { sizes: small }],
    [3, 'small files, the main thread one of the jobs', { sizes: small }],
    [2, 'large and small files mixed', { sizes: paths.map((_, i) => (i % 3 ? 20 : 1e6)) }],
    [2, 'large files, left to the workers', { sizes: large }],
    [2, 'the main thread not rendering', { sizes: small, local: false }],
    // Two of these exceed the window's bytes: one at a time, and never stuck.
    [3, 'files too large to hold two at once', { sizes: paths.map(() => 50e6) }],
  ])('with %d jobs (%s) gives every file once, in path order', async (jobs, _what, pool: PoolOptions) => {
    const seen = await collect(paths, jobs, pool);
    expect(seen.map((r) => r.summary.source)).toEqual(paths);
    expect(seen.map(births)).toEqual(paths.map((_, i) => 100 + i));
  });

  // The stand-in worker marks what it renders with its thread; the main thread's results are unmarked.
  const marking = new URL('./helpers/marking-worker.mjs', import.meta.url);
  const marks = (r: Rendered) => r.summary.notices.filter((n) => n.startsWith('rendered by worker'));

  it('with small files, the main thread renders (the first file at once) and starts one worker fewer', async () => {
    const seen = await collect(paths, 3, { sizes: small, workerUrl: marking });
    expect(seen.map(births)).toEqual(paths.map((_, i) => 100 + i));
    expect(marks(seen[0]!)).toEqual([]); // no worker has loaded when the first file is handed out
    expect(new Set(seen.flatMap(marks)).size).toBeLessThanOrEqual(2);
  });

  it('leaves large files to the workers', async () => {
    const sizes = paths.map((_, i) => (i % 3 === 1 ? 1e6 : 20));
    const seen = await collect(paths, 2, { sizes, workerUrl: marking });
    expect(seen.map(births)).toEqual(paths.map((_, i) => 100 + i));
    seen.forEach((r, i) => {
      if (sizes[i]! > 1000) expect(marks(r)).toHaveLength(1);
    });
    expect(marks(seen[0]!)).toEqual([]);
  });

  it('fails only the file whose worker died, and goes on with a new worker', async () => {
    const crashing = new URL('./helpers/crashing-worker.mjs', import.meta.url);
    const mixed = [paths[0]!, file('crash.txt', 1), paths[1]!, file('throw.txt', 2), ...paths.slice(2, 10)];
    // The main thread renders nothing here: the stand-in worker must meet every file.
    const seen = await collect(mixed, 2, { workerUrl: crashing, local: false });
    expect(seen.map((r) => r.summary.source)).toEqual(mixed);
    expect(seen.map((r) => r.summary.error)).toEqual([
      undefined,
      'internal error: the worker exited with code 7',
      undefined,
      'internal error: boom',
      ...Array(8).fill(undefined),
    ]);
    expect(seen.filter((r) => !r.summary.error).map(births)).toEqual([100, 101, ...paths.slice(2, 10).map((_, i) => 102 + i)]);
  });

  it('stops with an error when no worker can start (a broken installation), instead of failing every file', async () => {
    await expect(collect(paths, 2, { workerUrl: new URL('./helpers/no-such-worker.mjs', import.meta.url) })).rejects.toThrow(
      /a worker thread failed to start/,
    );
  });
});

describe('defaultPlan', () => {
  const sizes = (n: number, size: number) => Array<number>(n).fill(size);
  it.each([
    ['one small report', sizes(1, 20_000), { jobs: 1 }],
    // Small reports under 64 MB: the main thread alone, workers once the work proves long.
    ['sixty reports, 1.2 MB', sizes(60, 20_000), { jobs: 4, grow: DEFAULT_GROWTH }],
    ['a thousand reports, 20 MB', sizes(1000, 20_000), { jobs: 4, grow: DEFAULT_GROWTH }],
    ['two thousand reports, 40 MB', sizes(2000, 20_000), { jobs: 4, grow: DEFAULT_GROWTH }],
    // From 64 MB, workers at once.
    ['four thousand reports, 80 MB', sizes(4000, 20_000), { jobs: 4 }],
    // One file: a thread is all it can use (a worker's, for a file this large: runAll).
    ['one 33 MB file', [33_000_000], { jobs: 1 }],
    // A file too large for the main thread, or of unknown size, in a small batch: one thread.
    ['a 1 MB file among small ones', [...sizes(10, 20_000), 1_000_000], { jobs: 1 }],
    ['a size not known', [20_000, undefined], { jobs: 1 }],
    ['nothing', [], { jobs: 1 }],
  ])('%s', (_name, s, plan) => {
    expect(defaultPlan(s, 4)).toEqual(plan);
  });
  it('never plans more than one thread on one core', () => {
    expect(defaultPlan(sizes(100, 20_000), 1)).toEqual({ jobs: 1 });
  });
});

describe('runAll growing', () => {
  const paths = Array.from({ length: 40 }, (_, i) => file(`g${String(i).padStart(2, '0')}.txt`, 300 + i));
  const small = paths.map(() => 20);
  const marking = new URL('./helpers/marking-worker.mjs', import.meta.url);
  const byWorker = (r: Rendered) => r.summary.notices.some((n) => n.startsWith('rendered by worker'));
  async function grown(pool: PoolOptions) {
    let spawned = 0;
    const seen = await collect(paths, 3, { workerUrl: marking, ...pool, onSpawn: () => spawned++ });
    return { seen, spawned };
  }

  it('renders a batch that proves short on the main thread alone', async () => {
    const { seen, spawned } = await grown({ sizes: small, grow: { warmMs: 0, measureMs: 0, paysOffMs: Infinity } });
    expect(seen.map(births)).toEqual(paths.map((_, i) => 300 + i));
    expect(spawned).toBe(0);
  });

  it('adds workers, one fewer than the jobs, once the rest would take long enough, and still gives every file once, in order', async () => {
    const { seen, spawned } = await grown({ sizes: small, grow: { warmMs: 0, measureMs: 0, paysOffMs: 0 } });
    expect(seen.map((r) => r.summary.source)).toEqual(paths);
    expect(seen.map(births)).toEqual(paths.map((_, i) => 300 + i));
    expect(spawned).toBe(2);
    // The first file is the main thread's: no worker existed when it was rendered.
    expect(byWorker(seen[0]!)).toBe(false);
  });

  it('renders a run of small files between turns of the event loop while it holds no worker, not one file a turn', async () => {
    // Counts the loop's turns while the batch runs: one file per turn would take 40.
    let turns = 0;
    let running = true;
    const tick = () => {
      turns++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const { seen, spawned } = await grown({ sizes: small, grow: { warmMs: 0, measureMs: 0, paysOffMs: Infinity } });
    running = false;
    expect(seen.map(births)).toEqual(paths.map((_, i) => 300 + i));
    expect(spawned).toBe(0);
    expect(turns).toBeLessThan(paths.length / 2);
  });

  it('waits out the warm-up: time spent warming up is not measured', async () => {
    const { spawned } = await grown({ sizes: small, grow: { warmMs: Infinity, measureMs: 0, paysOffMs: 0 } });
    expect(spawned).toBe(0);
  });

  it('does not grow a batch with a file too large for the main thread: workers start at once', async () => {
    const sizes = paths.map((_, i) => (i === 5 ? 1e6 : 20));
    const { seen, spawned } = await grown({ sizes, grow: { warmMs: 0, measureMs: 0, paysOffMs: Infinity } });
    expect(seen.map(births)).toEqual(paths.map((_, i) => 300 + i));
    expect(spawned).toBe(3);
    expect(byWorker(seen[5]!)).toBe(true);
  });
});
