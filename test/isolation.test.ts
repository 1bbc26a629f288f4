/**
 * One bad input never costs the others: whatever goes wrong with one file —
 * its rendering throws, it is far too large, standard input never ends, its
 * worker runs out of memory — that file fails with its reason, the others are
 * written, and the run ends with exit 3 (an input failed).
 */
import { closeSync, openSync, readFileSync, writeFileSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { EXIT, main, type Io } from '../src/cli.js';
import { runAll, type PoolOptions } from '../src/batch/pool.js';
import type { Rendered } from '../src/batch/render.js';
import { scratchDir } from './helpers/scratch.js';

// Rendering throws for a report whose source names "poison", as one too large to serialise would (its failure renders).
vi.mock('../src/output/select.js', async (original) => {
  const real = await original<typeof import('../src/output/select.js')>();
  return {
    ...real,
    reporterFor: (...args: Parameters<typeof real.reporterFor>) => {
      const reporter = real.reporterFor(...args);
      return {
        ...reporter,
        report: (r: { source: string; error?: string }) => {
          if (r.source.includes('poison') && r.error === undefined) throw new RangeError('Invalid string length');
          return reporter.report(r as never);
        },
      };
    },
  };
});

const dir = scratchDir('isolation');
const report = (name: string, births: number) => {
  const p = join(dir, name);
  writeFileSync(p, `全县共出生${births}人。`);
  return p;
};

function io(stdin?: AsyncIterable<Uint8Array>): Io & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string | Uint8Array) => (out += typeof s === 'string' ? s : Buffer.from(s).toString('utf8')) },
    stderr: { write: (s: string) => (err += s) },
    ...(stdin ? { stdin } : {}),
    env: {},
    out: () => out,
    err: () => err,
  };
}

const values = (jsonl: string) =>
  jsonl
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { source: string; error?: string; indicators: { value: number }[] })
    .map((r) => [r.source.replace(`${dir}/`, ''), r.error ?? r.indicators[0]?.value]);

describe('a file whose output cannot be made', () => {
  const a = report('a.txt', 101);
  const poison = report('b-poison.txt', 102);
  const c = report('c.txt', 103);

  it.each([['--jsonl'], ['--json'], ['--csv']])('fails alone (%s, one thread): the others are written, exit 3', async (format) => {
    const x = io();
    const code = await main([a, poison, c, format, '-j', '1'], x);
    expect(code).toBe(EXIT.inputFailed);
    expect(x.err()).toMatch(/poison\.txt: its output could not be made \(Invalid string length\)/);
    expect(x.out()).toContain('101');
    expect(x.out()).toContain('103');
  });

  it('with --out, the file is written with the other reports', async () => {
    const out = join(dir, 'out.jsonl');
    const code = await main([a, poison, c, '--jsonl', '--out', out, '-j', '1'], io());
    expect(code).toBe(EXIT.inputFailed);
    expect(values(readFileSync(out, 'utf8'))).toEqual([
      ['a.txt', 101],
      ['b-poison.txt', 'its output could not be made (Invalid string length)'],
      ['c.txt', 103],
    ]);
  });
});

describe('size limits, checked before reading', () => {
  it('a file far over the limit is refused at once from its size (a sparse 100 GB file)', async () => {
    const huge = join(dir, 'huge.txt');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 100 * 1024 ** 3);
    closeSync(fd);
    const a = report('a2.txt', 101);
    const x = io();
    const t0 = performance.now();
    const code = await main([huge, a, '--jsonl', '-j', '1'], x);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(code).toBe(EXIT.inputFailed);
    // In path order, as with one thread JSON Lines are: a refused input takes its place like any other.
    expect(values(x.out())).toEqual([
      ['a2.txt', 101],
      ['huge.txt', 'is larger than 64 MB'],
    ]);
  });

  it('standard input that goes on past the limit is refused without being held whole', async () => {
    let sent = 0;
    async function* endless() {
      const chunk = new Uint8Array(1 << 20).fill(0x31);
      for (;;) {
        sent += chunk.length;
        yield chunk;
      }
    }
    const a = report('a3.txt', 101);
    const x = io(endless());
    const code = await main(['-', a, '--jsonl', '-j', '1'], x);
    expect(code).toBe(EXIT.inputFailed);
    expect(values(x.out())).toEqual([
      ['-', 'is larger than 64 MB'],
      ['a3.txt', 101],
    ]);
    expect(sent).toBeLessThanOrEqual(66 << 20);
  });

  it('standard input within the limit is read as before', async () => {
    async function* once() {
      yield new TextEncoder().encode('全县共出生555人。');
    }
    const x = io(once());
    expect(await main(['-', '--jsonl'], x)).toBe(EXIT.ok);
    expect(values(x.out())).toEqual([['-', 555]]);
  });
});

describe('large inputs are rendered where a memory limit applies', () => {
  const builtWorker = new URL('../dist/batch/worker.js', import.meta.url);
  const options = { formats: ['jsonl' as const] };
  const text = (piece: Rendered['pieces'][number]) => (typeof piece === 'string' ? piece : Buffer.from(piece).toString('utf8'));

  async function collect(paths: string[], pool: PoolOptions): Promise<Rendered[]> {
    const seen: Rendered[] = [];
    await runAll(paths, 1, options, (i, r) => void (seen[i] = r), { workerUrl: builtWorker, ...pool });
    return seen;
  }

  const marking = new URL('./helpers/marking-worker.mjs', import.meta.url);

  it('with one job, a large file goes to a worker thread; small ones stay on the main thread', async () => {
    const small = report('s.txt', 7);
    // Sizes are what the pool decides by: a small file said to be 9 MB stands for a large one.
    const large = report('large.txt', 8);
    let spawned = 0;
    const seen = await collect([small, large], { sizes: [20, 9e6], workerUrl: marking, onSpawn: () => spawned++ });
    expect(spawned).toBe(1);
    expect(seen.map((r) => r.summary.notices.some((n) => n.startsWith('rendered by worker')))).toEqual([false, true]);
    expect(JSON.parse(text(seen[1]!.pieces[0]!)).indicators[0].value).toBe(8);
  });

  it('a worker out of memory fails its file with the reason; the next file is rendered', async () => {
    const dense = join(dir, 'dense.txt');
    writeFileSync(dense, '全县共出生1083人,其中一孩589人,二孩494人,政策内1061人。'.repeat(60_000));
    const after = report('after.txt', 9);
    const seen = await collect([dense, after], { sizes: [9e6, 9e6], memoryMb: 48 });
    expect(seen[0]!.summary.error).toMatch(/ran out of memory \(more than 48 MB for one file\)/);
    expect(JSON.parse(text(seen[1]!.pieces[0]!)).indicators[0].value).toBe(9);
  }, 60_000);

  it('standard input read already goes to a worker from its bytes when it is large', async () => {
    const bytes = new TextEncoder().encode('全县共出生8人。');
    let spawned = 0;
    const seen = await collect(['-'], { sizes: [9e6], contents: [bytes], workerUrl: marking, onSpawn: () => spawned++ });
    expect(spawned).toBe(1);
    expect(seen[0]!.summary.source).toBe('-');
    expect(seen[0]!.summary.notices.some((n) => n.startsWith('rendered by worker'))).toBe(true);
    expect(JSON.parse(text(seen[0]!.pieces[0]!)).indicators[0].value).toBe(8);
  });
});
