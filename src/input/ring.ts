/**
 * The shared memory between the extractor and its reading thread (read-ahead.ts):
 * a ring of slots, file i in slot i mod slots. Each slot has one word, the file
 * index and its state together (index × 4 + state), so that one atomic operation
 * both names the file and says what became of it; a length; and its bytes.
 *
 * A slot's word goes (i, FREE) → (i, FILLING) → (i, READY) or (i, SELF) by the
 * reader, or (i, FREE) → (i, SELF) by the extractor when it gets there first;
 * the extractor lets it go as (i + slots, FREE). Whoever claims the file reads it:
 * the extractor never waits on a reader that has not begun a file.
 *
 * One more word counts the files the extractor has let go. A reader with the ring
 * full waits on it, and is woken once per half ring, not once per file: a wake per
 * file (a context switch each) cost more than the reads it saved on cached files.
 */

/** Free for file i: whoever claims it first reads it. */
export const FREE = 0;
/** The reader is reading file i. */
export const FILLING = 1;
/** File i's bytes are in the slot. */
export const READY = 2;
/** The reader left file i to the extractor (larger than a slot, or it failed to read it), or the extractor claimed it. */
export const SELF = 3;
/** The run is over, or the reader has stopped: the extractor reads every file itself from here. */
export const STOPPED = -1;

/** A read that took less than this (µs) came from the system's cache (a disk takes a hundred or more). */
export const CACHED_US = 30;

export type RingData = {
  shared: SharedArrayBuffer;
  slots: number;
  slotBytes: number;
  /** Stop once nine in ten of this many reads came from the system's cache: reading again what is cached only takes time from the threads at work. */
  cachedRun?: number;
};

export type Ring = {
  slots: number;
  words: Int32Array;
  /** [0]: how many files the extractor has let go. */
  released: Int32Array;
  lengths: Int32Array;
  word(file: number, state: number): number;
  /** Slot k's bytes, all of them (the reader's) or the first `length` (the extractor's). */
  view(k: number, length?: number): Uint8Array;
};

export function newRing(slots: number, slotBytes: number, cachedRun?: number): RingData {
  return { shared: new SharedArrayBuffer(HEADER(slots) + slots * slotBytes), slots, slotBytes, cachedRun };
}

// The words, the count, the lengths: 4 bytes each, then the slots' bytes.
const HEADER = (slots: number) => 4 * (2 * slots + 1);

export function ringOf({ shared, slots, slotBytes }: RingData): Ring {
  const words = new Int32Array(shared, 0, slots);
  const released = new Int32Array(shared, 4 * slots, 1);
  const lengths = new Int32Array(shared, 4 * (slots + 1), slots);
  const data = HEADER(slots);
  return {
    slots,
    words,
    released,
    lengths,
    word: (file, state) => file * 4 + state,
    view: (k, length = slotBytes) => new Uint8Array(shared, data + k * slotBytes, length),
  };
}
