/**
 * The thread that reads files ahead of the extractor (read-ahead.ts): paths come
 * in messages, in order; each file's bytes go into its slot of the shared ring,
 * and the slot's word says what is there. It imports nothing of the extractor, so
 * it starts in a few milliseconds.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { CACHED_US, FILLING, FREE, READY, SELF, STOPPED, ringOf, type RingData } from './ring.js';

const data = workerData as RingData;
const ring = ringOf(data);
// Of the reads in the current window of `cachedRun`, how many came from the system's cache.
let reads = 0;
let cached = 0;
const paths: (string | null)[] = [];
let first = 0; // the file index of paths[0]
let next = 0; // the next file to read

/**
 * The bytes of `path` into `view`: their count, or −1 when the file does not fit or is
 * not a regular file: the extractor then reads it itself.
 */
function readInto(path: string, view: Uint8Array): number {
  // A named pipe or a device is not opened here: opening a pipe waits for a writer, and
  // would let a waiting writer start and then lose its reader.
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat?.isFile() || stat.size >= view.length) return -1;
  const fd = openSync(path, 'r');
  try {
    let got = 0;
    for (;;) {
      const n = readSync(fd, view, got, view.length - got, null);
      if (n === 0) return got;
      got += n;
      if (got === view.length) return -1;
      // The stat's size ends the read, as in read.ts, without a read that finds the end;
      // a file that says 0 (some special files) is read to its end.
      if (got === stat.size) return got;
    }
  } finally {
    closeSync(fd);
  }
}

/** Reads every file it has a path for, waiting for each slot to be let go; false once the extractor has stopped. */
function pump(): boolean {
  while (next < first + paths.length) {
    const i = next;
    const k = i % ring.slots;
    const free = ring.word(i, FREE);
    // Until the extractor is done with the file this slot held before; a file it has passed already
    // (it got there first, while this thread was starting) is passed over.
    let w = Atomics.load(ring.words, k);
    while (w >> 2 < i) {
      if (w === STOPPED) return false;
      Atomics.wait(ring.released, 0, Atomics.load(ring.released, 0));
      w = Atomics.load(ring.words, k);
    }
    const path = paths[i - first]!;
    // The extractor may have claimed the file to read it itself: then it is passed over too.
    if (w === free && path !== null && Atomics.compareExchange(ring.words, k, free, ring.word(i, FILLING)) === free) {
      let n = -1;
      const t0 = performance.now();
      try {
        n = readInto(path, ring.view(k));
      } catch {
        // The extractor reads it again and reports the reason in its own words.
      }
      if ((performance.now() - t0) * 1000 < CACHED_US) cached++;
      reads++;
      ring.lengths[k] = n;
      Atomics.store(ring.words, k, ring.word(i, n >= 0 ? READY : SELF));
      Atomics.notify(ring.words, k);
      if (data.cachedRun !== undefined && reads === data.cachedRun) {
        // Nine in ten from the cache (a read can be slow in a cache too: the thread was
        // descheduled on a busy machine): the threads that render the files read them as fast.
        if (cached >= 0.9 * reads) {
          for (let j = 0; j < ring.slots; j++) Atomics.store(ring.words, j, STOPPED);
          return false;
        }
        reads = cached = 0;
      }
    }
    next++;
  }
  paths.length = 0;
  first = next;
  return true;
}

parentPort!.on('message', (more: (string | null)[]) => {
  for (const p of more) paths.push(p);
  if (!pump()) process.exit(0);
});
