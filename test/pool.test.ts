/**
 * The worker pool: results in path order whatever the number of jobs, and a
 * worker that dies fails its own file, not the batch.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inOrder, runAll } from '../src/pool.js';
import type { Rendered } from '../src/render.js';

const dir = mkdtempSync(join(tmpdir(), 'extract-pool-'));
const file = (name: string, births: number) => {
  const p = join(dir, name);
  writeFileSync(p, `全县共出生${births}人`);
  return p;
};
const options = { formats: ['jsonl' as const] };
const births = (r: Rendered) => (JSON.parse(r.pieces[0]!).indicators[0]?.value as number | undefined);

// The built worker: tests run the TypeScript sources, and a worker thread needs JavaScript.
const builtWorker = new URL('../dist/worker.js', import.meta.url);

async function collect(paths: string[], jobs: number, workerUrl = builtWorker): Promise<Rendered[]> {
  const seen: Rendered[] = [];
  await runAll(paths, jobs, options, inOrder((r) => void seen.push(r)), workerUrl);
  return seen;
}

describe('runAll', () => {
  const paths = Array.from({ length: 40 }, (_, i) => file(`r${String(i).padStart(2, '0')}.txt`, 100 + i));

  it.each([1, 2, 3])('with %d jobs gives every file once, in path order', async (jobs) => {
    const seen = await collect(paths, jobs);
    expect(seen.map((r) => r.summary.source)).toEqual(paths);
    expect(seen.map(births)).toEqual(paths.map((_, i) => 100 + i));
  });

  it('fails only the file whose worker died, and goes on with a new worker', async () => {
    const crashing = new URL('./helpers/crashing-worker.mjs', import.meta.url);
    const mixed = [paths[0]!, file('crash.txt', 1), paths[1]!, file('throw.txt', 2), ...paths.slice(2, 10)];
    const seen = await collect(mixed, 2, crashing);
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
    await expect(collect(paths, 2, new URL('./helpers/no-such-worker.mjs', import.meta.url))).rejects.toThrow(/a worker thread failed to start/);
  });
});
