/**
 * The worker pool: results in path order whatever the number of jobs, and a
 * worker that dies fails its own file, not the batch.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inOrder, runAll, type PoolOptions } from '../src/pool.js';
import type { Rendered } from '../src/render.js';
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
const builtWorker = new URL('../dist/worker.js', import.meta.url);

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
