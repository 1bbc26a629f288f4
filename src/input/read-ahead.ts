/**
 * Reading a batch's files on a thread of their own, ahead of the extractor, so
 * that waiting on the disk and extracting overlap. On files the system has not
 * cached (a collection just copied or downloaded, a first run), the reads took a
 * third of a run on one thread, each file's open and read waiting on the disk
 * in turn while the extractor stood still.
 *
 * The reader is only ever ahead, never in the way: the extractor takes a file's
 * bytes from the shared ring (ring.ts) when they are there, waits only for a read
 * already under way, and otherwise claims the file and reads it itself, as it
 * would without a reader. So a reader that is slow to start, cannot start, or
 * stops changes nothing but the time; and a file it could not read (or too large
 * for a slot, or not a regular file) is read by the extractor, whose errors are the
 * run's errors.
 */
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import type { Sources } from './inputs.js';
import { FILLING, FREE, READY, SELF, STOPPED, newRing, ringOf, type Ring } from './ring.js';

// 64 slots of 256 KB: 16 MB of address space, of which only what files use is touched.
// Reports are 1–30 KB; a larger file (a PDF, a compilation page) is read by the extractor.
// With two threads rendering, a ring of 32 left the reader behind on a tenth of the
// files of a run not cached (bursts of slow reads); of 64, on 1 %, and the run 2–3 % faster.
export const SLOTS = 64;
export const SLOT_BYTES = 256 * 1024;
// Paths go to the reader in messages of this many, kept this far ahead.
const CHUNK = 64;
// A read under way that takes longer than this ends the reading ahead: the extractor reads the rest itself.
const STALL_MS = 10_000;
/** Fewer files than this are read by the extractor alone: a thread costs more to start than their reads. */
export const READ_AHEAD_MIN_FILES = 64;

export class ReadAhead {
  private readonly ring: Ring;
  private readonly worker: Worker;
  private sent = 0;
  private stopped = false;

  /**
   * `skip(i)`: a file the extractor will not read from disk (standard input, one known to be missing).
   * `cachedRun`: the reader stops once nine in ten of this many reads came from the system's cache (ring.ts).
   */
  constructor(
    private readonly files: Sources,
    private readonly skip: (i: number) => boolean,
    threadUrl: URL = new URL('./read-ahead-thread.js', import.meta.url),
    cachedRun?: number,
  ) {
    const data = newRing(SLOTS, SLOT_BYTES, cachedRun);
    this.ring = ringOf(data);
    for (let k = 0; k < SLOTS; k++) this.ring.words[k] = this.ring.word(k, FREE);
    const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
    // A small heap: the reader holds paths and little else.
    this.worker = new Worker(threadUrl, { workerData: data, stdout: true, stderr: true, resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16 } });
    // A reader that cannot start or dies leaves its files free, and the extractor reads them.
    this.worker.on('error', () => this.stop());
    this.worker.unref();
    this.send(CHUNK * 2);
  }

  /**
   * File i's bytes, if the reader has them: a view of shared memory, valid until
   * `release(i)`. Undefined: the extractor reads the file itself (it has claimed it).
   * Files are taken in order, each released before the next is taken.
   */
  take(i: number): Uint8Array | undefined {
    if (this.stopped) return undefined;
    if (this.sent < i + CHUNK) this.send(i + CHUNK * 2);
    const { ring } = this;
    const k = i % ring.slots;
    const words = ring.words;
    const free = ring.word(i, FREE);
    if (Atomics.compareExchange(words, k, free, ring.word(i, SELF)) === free) return undefined;
    const filling = ring.word(i, FILLING);
    if (Atomics.load(words, k) === filling && Atomics.wait(words, k, filling, STALL_MS) === 'timed-out') {
      this.stop();
      return undefined;
    }
    const w = Atomics.load(words, k);
    if (w === ring.word(i, READY)) return ring.view(k, ring.lengths[k]!);
    if (w !== ring.word(i, SELF)) this.stop(); // the reader has stopped (or the slot is not this file's: never expected)
    return undefined;
  }

  /** Whether file i's bytes are in the ring now (what `take(i)` would give without waiting or claiming it). */
  has(i: number): boolean {
    return !this.stopped && Atomics.load(this.ring.words, i % this.ring.slots) === this.ring.word(i, READY);
  }

  /** Done with file i (its bytes decoded): its slot is free for the file `slots` later. */
  release(i: number): void {
    if (this.stopped) return;
    const { ring } = this;
    Atomics.store(ring.words, i % ring.slots, ring.word(i + ring.slots, FREE));
    Atomics.store(ring.released, 0, i + 1);
    // The reader, if it waits, waits for room: half a ring of it at a time.
    if ((i + 1) % (ring.slots >> 1) === 0) Atomics.notify(ring.released, 0);
  }

  /** Ends the reader: at the end of the run, or when it cannot keep up. Idempotent. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    const words = this.ring.words;
    for (let k = 0; k < words.length; k++) Atomics.store(words, k, STOPPED);
    Atomics.notify(this.ring.released, 0);
    void this.worker.terminate();
  }

  private send(upTo: number): void {
    const end = Math.min(upTo, this.files.length);
    if (this.sent >= end) return;
    const paths: (string | null)[] = [];
    for (let i = this.sent; i < end; i++) paths.push(this.wanted(i) ? this.files.path(i) : null);
    this.worker.postMessage(paths);
    this.sent = end;
  }

  private wanted(i: number): boolean {
    if (this.skip(i) || this.files.missing?.(i) !== undefined) return false;
    const size = this.files.size(i);
    return size === undefined || size < SLOT_BYTES;
  }
}
