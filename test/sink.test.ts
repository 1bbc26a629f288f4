/**
 * Output sinks gather small pieces into blocks, and nothing is lost or
 * reordered on the way: what a stream or file receives is exactly the pieces
 * written, in order, once the run commits.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSink, streamSink } from '../src/output/sink.js';

function fakeStream() {
  const writes: string[] = [];
  return { writes, write: (s: string) => (writes.push(s), true) };
}

describe('streamSink', () => {
  it('holds small pieces back and writes them as one block on commit', () => {
    const stream = fakeStream();
    const sink = streamSink(stream);
    for (const s of ['{"a":1}\n', '{"b":2}\n', '', '{"c":3}\n']) sink.write(s);
    expect(stream.writes).toEqual([]);
    sink.commit();
    expect(stream.writes).toEqual(['{"a":1}\n{"b":2}\n{"c":3}\n']);
  });

  it('writes a block as soon as it is large, keeping the order of pieces', () => {
    const stream = fakeStream();
    const sink = streamSink(stream);
    const big = 'x'.repeat(300_000);
    sink.write('first\n');
    sink.write(big);
    expect(stream.writes).toEqual([`first\n${big}`]);
    sink.write('last\n');
    sink.abort(); // a stream cannot take back what it was given: the rest goes out too
    expect(stream.writes.join('')).toBe(`first\n${big}last\n`);
  });

  it('waits for drain when the stream is full', async () => {
    let drained: (() => void) | undefined;
    const stream = { write: () => false, once: (_e: 'drain', cb: () => void) => void (drained = cb) };
    const pending = streamSink(stream).write('y'.repeat(300_000));
    expect(pending).toBeInstanceOf(Promise);
    drained!();
    await expect(pending).resolves.toBeUndefined();
  });
});

describe('fileSink', () => {
  it('gives the file exactly the pieces written, and only on commit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sink-'));
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
    const dir = mkdtempSync(join(tmpdir(), 'sink-'));
    const sink = fileSink(join(dir, 'out.csv'), true);
    sink.write('a,b\n'.repeat(100_000));
    sink.abort();
    expect(readdirSync(dir)).toEqual([]);
  });
});
