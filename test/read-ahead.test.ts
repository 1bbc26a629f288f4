/**
 * Reading ahead on a thread of its own (src/input/read-ahead.ts): every file
 * comes back byte for byte, in order, whether the reader has it or the
 * extractor reads it itself; a reader that cannot start or is stopped changes
 * nothing but the time; and a run gives the same results with it as without it.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, openSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBytesOf } from '../src/input/read.js';
import { ReadAhead, SLOT_BYTES, SLOTS } from '../src/input/read-ahead.js';
import { inOrder, runAll } from '../src/batch/pool.js';
import type { Rendered } from '../src/batch/render.js';
import { scratchDir } from './helpers/scratch.js';

const dir = scratchDir('read-ahead');
// The built thread: tests run the TypeScript sources, and a thread needs JavaScript.
const builtReader = new URL('../dist/input/read-ahead-thread.js', import.meta.url);
const noReader = new URL('./helpers/no-such-reader.mjs', import.meta.url);
// Bytes that differ from one file to the next, so that a slot still holding an earlier file would show.
const content = (n: number, seed: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 13 + seed) % 251));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Spec = { name: string; bytes?: Buffer; size?: number; skip?: boolean; missing?: string };
function files(specs: Spec[]) {
  const paths = specs.map((s) => {
    const p = join(dir, s.name);
    if (s.bytes) writeFileSync(p, s.bytes);
    return p;
  });
  return { length: specs.length, path: (i: number) => paths[i]!, size: (i: number) => specs[i]!.size, missing: (i: number) => specs[i]!.missing };
}

/** Waits until the reader has file i, or `ms` has passed. */
async function until(ahead: ReadAhead, i: number, ms = 3000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(5)) if (ahead.has(i)) return true;
  return false;
}

describe('ReadAhead', () => {
  // Two rings' worth of small files, then the edges of a slot, an empty file, and files the extractor reads.
  const specs: Spec[] = [
    ...Array.from({ length: 2 * SLOTS + 3 }, (_, i) => ({ name: `s${i}.txt`, bytes: content(100 + 37 * i, i) })),
    { name: 'empty.txt', bytes: Buffer.alloc(0) },
    { name: 'slot-less-one.bin', bytes: content(SLOT_BYTES - 1, 1) },
    { name: 'slot-exactly.bin', bytes: content(SLOT_BYTES, 2) },
    { name: 'slot-more.bin', bytes: content(SLOT_BYTES + 1, 3) },
    { name: 'large-size-known.bin', bytes: content(SLOT_BYTES * 2, 4), size: SLOT_BYTES * 2 },
    { name: 'not-there.txt' },
    { name: 'skipped.txt', bytes: content(10, 5), skip: true },
    { name: 'missing-known.txt', bytes: content(10, 6), missing: 'no such file' },
    ...Array.from({ length: 5 }, (_, i) => ({ name: `t${i}.txt`, bytes: content(50 + i, 40 + i) })),
  ];
  const readable = (s: Spec) => s.bytes !== undefined && !s.skip && s.missing === undefined;
  // What the reader hands over: files under a slot's size that exist, and are neither skipped nor known to be missing.
  const fromReader = (s: Spec) => readable(s) && s.bytes!.length < SLOT_BYTES && s.size === undefined;

  it('hands over each file it read, byte for byte, and leaves the others to the extractor', async () => {
    const list = files(specs);
    const ahead = new ReadAhead(list, (i) => specs[i]!.skip === true, builtReader);
    try {
      for (let i = 0; i < specs.length; i++) {
        const s = specs[i]!;
        if (fromReader(s)) expect(await until(ahead, i), `${s.name} read ahead`).toBe(true);
        else await sleep(20); // time in which a reader that wrongly took the file would have it
        const bytes = ahead.take(i);
        if (fromReader(s)) expect(Buffer.from(bytes!).equals(s.bytes!), s.name).toBe(true);
        else expect(bytes, s.name).toBeUndefined();
        ahead.release(i);
      }
    } finally {
      ahead.stop();
    }
  });

  it('gives every file, read ahead or not, when the extractor does not wait for it', () => {
    const list = files(specs);
    const ahead = new ReadAhead(list, (i) => specs[i]!.skip === true, builtReader);
    try {
      for (let i = 0; i < specs.length; i++) {
        const s = specs[i]!;
        const bytes = ahead.take(i) ?? (readable(s) ? readBytesOf(list.path(i), 64 << 20) : undefined);
        if (readable(s)) expect(Buffer.from(bytes!).equals(s.bytes!), s.name).toBe(true);
        ahead.release(i);
      }
    } finally {
      ahead.stop();
    }
  });

  it('catches up with an extractor that got ahead of it while it started', async () => {
    const list = files(specs.slice(0, 2 * SLOTS + 3));
    const ahead = new ReadAhead(list, () => false, builtReader);
    try {
      // Taken at once, before the thread is up (it takes milliseconds to start): the extractor claims these and reads them itself.
      for (let i = 0; i < SLOTS + 5; i++) {
        const bytes = ahead.take(i);
        if (bytes) expect(Buffer.from(bytes).equals(specs[i]!.bytes!)).toBe(true);
        ahead.release(i);
      }
      expect(await until(ahead, SLOTS + 5)).toBe(true);
      expect(Buffer.from(ahead.take(SLOTS + 5)!).equals(specs[SLOTS + 5]!.bytes!)).toBe(true);
    } finally {
      ahead.stop();
    }
  });

  it.skipIf(process.platform === 'win32')('leaves a named pipe to the extractor, and is not held by it', async () => {
    const pipe = join(dir, 'pipe.txt');
    rmSync(pipe, { force: true });
    execFileSync('mkfifo', [pipe]);
    const list = files([...specs.slice(0, 5), { name: 'pipe.txt' }, ...specs.slice(5, 10)]);
    const ahead = new ReadAhead(list, () => false, builtReader);
    try {
      // Past the pipe: a thread that opened it waiting for a writer would never get here.
      expect(await until(ahead, 6)).toBe(true);
      for (let i = 0; i < 5; i++) {
        ahead.take(i);
        ahead.release(i);
      }
      expect(ahead.take(5)).toBeUndefined();
    } finally {
      ahead.stop();
      // A thread held in the pipe's open is let go by a writer.
      try {
        closeSync(openSync(pipe, constants.O_WRONLY | constants.O_NONBLOCK));
      } catch {
        // No one was reading it.
      }
    }
  });

  it('leaves every file to the extractor when its thread cannot start, without waiting', async () => {
    const list = files(specs.slice(0, 10));
    const ahead = new ReadAhead(list, () => false, noReader);
    await sleep(100);
    const t0 = performance.now();
    for (let i = 0; i < 10; i++) {
      expect(ahead.take(i)).toBeUndefined();
      ahead.release(i);
    }
    expect(performance.now() - t0).toBeLessThan(1000);
    ahead.stop();
  });

  it('stops of itself after a run of reads from the system\'s cache, when asked to', async () => {
    const list = files(specs.slice(0, 2 * SLOTS + 3));
    const ahead = new ReadAhead(list, () => false, builtReader, 8);
    await sleep(500);
    // Files just written are cached: without `cachedRun` the reader fills every slot (the tests above).
    expect(Array.from({ length: SLOTS }, (_, i) => ahead.has(i))).not.toContain(true);
    expect(ahead.take(0)).toBeUndefined();
    ahead.stop();
  });

  it('leaves the rest to the extractor once stopped', async () => {
    const list = files(specs.slice(0, 10));
    const ahead = new ReadAhead(list, () => false, builtReader);
    expect(await until(ahead, 3)).toBe(true);
    ahead.stop();
    ahead.stop();
    for (let i = 0; i < 10; i++) expect(ahead.take(i)).toBeUndefined();
  });
});

describe('runAll with one job, reading ahead', () => {
  const options = { formats: ['jsonl' as const] };
  const text = (piece: Rendered['pieces'][number]) => (typeof piece === 'string' ? piece : Buffer.from(piece).toString('utf8'));
  const n = 150;
  const paths = Array.from({ length: n }, (_, i) => {
    const p = join(dir, `r${String(i).padStart(3, '0')}.txt`);
    writeFileSync(p, `全县共出生${1000 + i}人,其中二孩${400 + i}人。`);
    return p;
  });
  // Sizes known and small, as a folder's walk gives them: the run stays on this thread.
  const run = async (readerUrl: URL) => {
    const seen: string[] = [];
    await runAll(paths, 1, options, inOrder((r) => void seen.push(text(r.pieces[0]!))), { readerUrl, sizes: paths.map(() => 100) });
    return seen;
  };

  it('gives the same output as reading each file in turn, in order', async () => {
    const alone = await run(noReader);
    expect(alone.map((l) => JSON.parse(l).indicators[0].value)).toEqual(paths.map((_, i) => 1000 + i));
    expect(await run(builtReader)).toEqual(alone);
  });

  it('gives the same output with workers, the files read ahead handed to them', async () => {
    const builtWorker = new URL('../dist/batch/worker.js', import.meta.url);
    const sizes = paths.map(() => 100);
    for (const local of [true, false]) {
      const seen: string[] = [];
      await runAll(paths, 2, options, inOrder((r) => void seen.push(text(r.pieces[0]!))), { readerUrl: builtReader, workerUrl: builtWorker, sizes, local });
      expect(seen, local ? 'the main thread rendering too' : 'the workers alone').toEqual(await run(noReader));
    }
  });

  it('reads again from its path a file whose worker died holding the bytes read ahead', async () => {
    const crashing = new URL('./helpers/crashing-worker.mjs', import.meta.url);
    const crash = join(dir, 'crash.txt');
    writeFileSync(crash, '出生1人');
    const list = [...paths.slice(0, 70), crash, ...paths.slice(70, 100)];
    const seen: Rendered[] = [];
    await runAll(list, 2, options, inOrder((r) => void seen.push(r)), { readerUrl: builtReader, workerUrl: crashing, sizes: list.map(() => 100), local: false });
    expect(seen.map((r) => r.summary.source)).toEqual(list);
    expect(seen.map((r) => r.summary.error ?? 'ok')).toEqual(list.map((p) => (p === crash ? 'internal error: the worker exited with code 7' : 'ok')));
    const values = seen.filter((r) => !r.summary.error).map((r) => JSON.parse(text(r.pieces[0]!)).indicators[0].value);
    expect(values).toEqual(paths.slice(0, 100).map((_, i) => 1000 + i));
  });

  it('reports a file gone since the folder was listed as the extractor would', async () => {
    const gone = join(dir, 'gone.txt');
    writeFileSync(gone, '出生1人');
    const list = [...paths.slice(0, 70), gone, ...paths.slice(70, 80)];
    unlinkSync(gone);
    const seen: Rendered[] = [];
    await runAll(list, 1, options, inOrder((r) => void seen.push(r)), { readerUrl: builtReader, sizes: list.map(() => 100) });
    expect(seen.map((r) => r.summary.source)).toEqual(list);
    expect(JSON.parse(text(seen[70]!.pieces[0]!)).error).toBe('no such file');
  });
});
