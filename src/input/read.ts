/**
 * A file's bytes, read into one buffer that each thread keeps and reuses.
 * readFileSync allocates a fresh buffer per file, and on a batch of thousands
 * of small reports the kernel then spends more time faulting in those new
 * pages than copying the bytes (reading a corpus this way took 2–3 times as
 * long here). The bytes returned are a view of that buffer: valid until the
 * next read on the same thread, so they must be decoded before then.
 */
import { closeSync, openSync, readSync } from 'node:fs';

const INITIAL = 1 << 20;
/** Beyond this, the buffer is let go after use rather than kept for the next file. */
const KEEP = 8 << 20;

let scratch: Buffer | undefined;

export class TooLargeError extends Error {}

/**
 * The bytes of `path`, at most `max`. `size`, where the caller has just
 * stat'ed the file, saves a read: a read shorter than the buffer that gives
 * exactly `size` bytes is the whole file.
 */
export function readBytesOf(path: string, max: number, size?: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    let buf = scratch && scratch.length > (size ?? 0) ? scratch : Buffer.allocUnsafeSlow(Math.max(INITIAL, Math.min(size ?? 0, max) + 1));
    let got = 0;
    for (;;) {
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
      if (got > max) throw new TooLargeError();
      if (got === buf.length) {
        const bigger = Buffer.allocUnsafeSlow(Math.min(buf.length * 2, max + 1));
        buf.copy(bigger, 0, 0, got);
        buf = bigger;
      } else if (got === size) break;
    }
    scratch = buf.length <= KEEP ? buf : undefined;
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}
