/**
 * Reading files into a reused buffer: every size reads back exactly, whatever
 * the size hint says, and nothing read earlier shows through.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBytesOf, TooLargeError } from '../src/input/read.js';
import { scratchDir } from './helpers/scratch.js';

const dir = scratchDir('read');
const MB = 1 << 20;
// Bytes that differ from one file to the next, so a stale buffer would show.
const bytes = (n: number, seed: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 7 + seed) % 251));
const file = (name: string, content: Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe('readBytesOf', () => {
  const sizes = [0, 1, 4096, MB - 1, MB, MB + 1, 3 * MB + 5, 9 * MB, 17];
  it.each(sizes.map((n, k) => [n, k]))('reads a file of %d bytes exactly, with and without its size', (n, k) => {
    const content = bytes(n, k);
    const p = file(`f${k}.bin`, content);
    expect(Buffer.from(readBytesOf(p, 64 * MB, n)).equals(content)).toBe(true);
    expect(Buffer.from(readBytesOf(p, 64 * MB)).equals(content)).toBe(true);
  });

  it('reads the whole file when it grew after its size was taken', () => {
    const content = bytes(5000, 3);
    const p = file('grew.bin', content);
    expect(Buffer.from(readBytesOf(p, 64 * MB, 4000)).equals(content)).toBe(true);
  });

  it('refuses a file above the limit', () => {
    const p = file('big.bin', bytes(3000, 1));
    expect(() => readBytesOf(p, 2999)).toThrow(TooLargeError);
    expect(readBytesOf(p, 3000).length).toBe(3000);
  });

  it('gives the reason for a file that cannot be read', () => {
    expect(() => readBytesOf(join(dir, 'missing.txt'), MB)).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(() => readBytesOf(dir, MB)).toThrow(expect.objectContaining({ code: 'EISDIR' }));
  });
});
