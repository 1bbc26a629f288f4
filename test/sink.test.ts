/**
 * Output sinks gather small pieces into blocks, and nothing is lost or
 * reordered on the way: what a stream or file receives is exactly the pieces
 * written, in order, once the run commits.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileSink, streamSink, type Piece } from '../src/output/sink.js';
import { scratchDir } from './helpers/scratch.js';

/** A stream that keeps what it was given, as text; `retained` keeps the chunks themselves. */
function fakeStream() {
  const writes: string[] = [];
  const retained: Uint8Array[] = [];
  return {
    writes,
    retained,
    write: (chunk: Uint8Array) => {
      retained.push(chunk);
      writes.push(Buffer.from(chunk).toString('utf8'));
      return true;
    },
  };
}

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('streamSink', () => {
  it('holds small pieces back and writes them as one block on commit', () => {
    const stream = fakeStream();
    const sink = streamSink(stream);
    for (const s of ['{"a":1}\n', '{"b":2}\n', '', '{"c":3}\n']) sink.write(s);
    expect(stream.writes).toEqual([]);
    sink.commit();
    expect(stream.writes).toEqual(['{"a":1}\n{"b":2}\n{"c":3}\n']);
  });

  it('writes at once what is larger than a block, after what it held, keeping the order of pieces', () => {
    const stream = fakeStream();
    const sink = streamSink(stream);
    const big = '出生'.repeat(1_000_000);
    sink.write('first\n');
    sink.write(big);
    expect(stream.writes.join('')).toBe(`first\n${big}`);
    sink.write('last\n');
    sink.abort(); // a stream cannot take back what it was given: the rest goes out too
    expect(stream.writes.join('')).toBe(`first\n${big}last\n`);
  });

  it('takes pieces already encoded as UTF-8 (from worker threads) beside text', () => {
    const stream = fakeStream();
    const sink = streamSink(stream);
    sink.write('{"a":"出生"}\n');
    sink.write(utf8('{"b":"计划生育率95.39%"}\n'));
    sink.write(new Uint8Array(0));
    sink.write('{"c":"𠀋"}\n');
    sink.commit();
    expect(stream.writes.join('')).toBe('{"a":"出生"}\n{"b":"计划生育率95.39%"}\n{"c":"𠀋"}\n');
  });

  it('writes a lone surrogate (half of a character cut by a scraper) as U+FFFD, as Node\'s own UTF-8 does', () => {
    const stream = fakeStream();
    const sink = streamSink(stream);
    sink.write('a\ud840b\udc0bc');
    sink.commit();
    expect(Buffer.concat(stream.retained)).toEqual(Buffer.from('a\ud840b\udc0bc', 'utf8'));
    expect(stream.writes.join('')).toBe('a\ufffdb\ufffdc');
  });

  it('reuses one block for a stream that writes at once (standard output to a file), losing nothing', () => {
    const stream = fakeStream();
    const sink = streamSink(stream, false, true);
    const lines = Array.from({ length: 200_000 }, (_, i) => `{"i":${i}}\n`);
    for (const line of lines) sink.write(line);
    sink.commit();
    expect(stream.retained.length).toBeGreaterThan(1);
    expect(new Set(stream.retained.map((b) => b.buffer)).size).toBe(1);
    expect(stream.writes.join('')).toBe(lines.join(''));
  });

  it('never changes a block it has handed to the stream (a stream may write it later)', () => {
    const stream = fakeStream();
    const sink = streamSink(stream);
    for (let i = 0; i < 200_000; i++) sink.write(`{"i":${i}}\n`);
    sink.commit();
    expect(stream.retained.length).toBeGreaterThan(1);
    expect(stream.retained.map((b) => Buffer.from(b).toString('utf8'))).toEqual(stream.writes);
  });

  it('waits for drain when the stream is full', async () => {
    let drained: (() => void) | undefined;
    const stream = { write: (_chunk: Uint8Array) => false, once: (_e: 'drain', cb: () => void) => void (drained = cb) };
    const pending = streamSink(stream).write('y'.repeat(2_000_000)); // more than a block: written at once
    expect(pending).toBeInstanceOf(Promise);
    drained!();
    await expect(pending).resolves.toBeUndefined();
  });

  it('waits for drain any number of times with one error listener (a pipe to a slow reader)', async () => {
    // A stream that takes one chunk at a time and is full after each.
    const stream = new Writable({ highWaterMark: 1, write: (_chunk, _enc, done) => setImmediate(done) });
    const before = stream.listenerCount('error');
    const sink = streamSink(stream);
    for (let i = 0; i < 30; i++) await sink.write('z'.repeat(2_000_000));
    expect(stream.listenerCount('error')).toBe(before + 1);
    expect(sink.failure()).toBeUndefined();
  });

  it('ends the wait when a full stream fails instead of draining, and keeps the failure', async () => {
    let fail: ((e: Error) => void) | undefined;
    const stream = {
      write: (_chunk: Uint8Array) => false,
      once: (_e: 'drain', _cb: () => void) => undefined,
      on: (_e: 'error', cb: (e: Error) => void) => void (fail = cb),
    };
    const sink = streamSink(stream);
    const pending = sink.write('y'.repeat(2_000_000));
    fail!(Object.assign(new Error('closed'), { code: 'EPIPE' }));
    await expect(pending).resolves.toBeUndefined();
    expect(sink.failure()).toBe('standard output: cannot write: the reader closed the pipe (EPIPE)');
  });
});

// Text of any kind (astral characters, lone surrogates aside) and bytes of any size, in any mix.
const pieces = fc.array(
  fc.oneof(
    fc.string({ unit: 'binary-ascii', maxLength: 50 }),
    fc.string({ unit: 'grapheme', maxLength: 400 }),
    fc.string({ unit: 'grapheme', maxLength: 400 }).map(utf8),
    fc.integer({ min: 1, max: 1_500_000 }).map((n) => '出'.repeat(n)),
    fc.integer({ min: 1, max: 3_000_000 }).map((n) => utf8('x'.repeat(n))),
  ),
  { maxLength: 30 },
);
const asText = (ps: Piece[]) => ps.map((p) => (typeof p === 'string' ? p : Buffer.from(p).toString('utf8'))).join('');

describe('sinks, whatever the pieces', () => {
  it('a stream receives exactly their concatenation, in order', () => {
    fc.assert(
      fc.property(pieces, (ps) => {
        const stream = fakeStream();
        const sink = streamSink(stream);
        for (const p of ps) sink.write(p);
        sink.commit();
        expect(stream.writes.join('')).toBe(asText(ps));
      }),
      { numRuns: 60 },
    );
    // Pieces of up to 3 MB, thirty to a run: seconds of work, more on a busy machine.
  }, 60_000);

  it('a file holds exactly their concatenation', () => {
    const dir = scratchDir('sink');
    fc.assert(
      fc.property(pieces, (ps) => {
        const path = join(dir, 'out.jsonl');
        const sink = fileSink(path, false);
        for (const p of ps) sink.write(p);
        sink.commit();
        expect(readFileSync(path, 'utf8')).toBe(asText(ps));
      }),
      { numRuns: 60 },
    );
    // Sixty files written and renamed: on a loaded two-core machine that can pass vitest's default 5 s.
  }, 30_000);
});

describe('fileSink', () => {
  it('gives the file exactly the pieces written, and only on commit', () => {
    const dir = scratchDir('sink');
    const path = join(dir, 'out.jsonl');
    const sink = fileSink(path, false);
    const pieces = Array.from({ length: 5000 }, (_, i) => `{"i":${i},"text":"出生${i}人"}\n`);
    for (const p of pieces) sink.write(p);
    expect(readdirSync(dir).filter((f) => f === 'out.jsonl')).toEqual([]);
    sink.commit();
    expect(readFileSync(path, 'utf8')).toBe(pieces.join(''));
    expect(readdirSync(dir)).toEqual(['out.jsonl']);
  });

  it('writes nothing where it was asked when aborted, and leaves no temporary file', () => {
    const dir = scratchDir('sink');
    const sink = fileSink(join(dir, 'out.csv'), true);
    sink.write('a,b\n'.repeat(100_000));
    sink.abort();
    expect(readdirSync(dir)).toEqual([]);
  });
});
