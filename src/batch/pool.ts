/**
 * Spreading files over worker threads. Workers return rendered output, not
 * Reports, so the main thread only writes; and when it has nothing to write
 * it renders small files itself, so that `jobs` threads do the work and not
 * jobs + 1 on jobs cores (an extra worker costs its start-up, its own JIT
 * warm-up, and a core shared with the main thread).
 *
 * Files go to a worker in batches, and come back a batch at a time (serve.ts):
 * a message costs tens of microseconds on each side, which on small reports
 * was a tenth of the work.
 *
 * Memory stays bounded: a worker holds at most DEPTH batches at once, a
 * result is handed on (written, or held for ordering) before its worker's
 * place is refilled, and no file is started more than a window of files (and
 * of input bytes) ahead of the earliest one still unfinished, so ordering
 * never holds back more than that window of results. A worker that dies (a
 * crash, out of memory) fails the file it was on, not the batch: a new worker
 * takes its place and the other files it held.
 *
 * Why not piscina or tinypool: both run each task on a worker and nowhere
 * else, so the main thread could not render small files between writes (on a
 * 2-core machine, the difference between two threads at work and three); a
 * task there is one call, so batching files per message (a tenth of the work
 * on small reports) would make a worker's crash fail a whole batch instead of
 * the one file it was on, which this pool reads from shared memory; and they
 * scale by queue length, not by the measured rate that decides here whether a
 * worker repays its second of start-up.
 */
import { createRequire } from 'node:module';
import type { MessagePort, Worker } from 'node:worker_threads';
import type { HeapKeeper } from './heap.js';
import type { Sources } from '../input/inputs.js';
import { READ_AHEAD_MIN_FILES, ReadAhead } from '../input/read-ahead.js';
import { failed, INTERNAL_ERROR } from './process.js';
import { render, renderJob, type RenderOptions, type Rendered } from './render.js';
import { BETWEEN_FILES, type Batch, type BatchResult, type FileJob, type WorkerData } from './protocol.js';

// Loaded when the first worker starts: most runs (one file, --jobs 1, a small batch) start none.
const threads = (): typeof import('node:worker_threads') => createRequire(import.meta.url)('node:worker_threads');

export type OnResult = (index: number, result: Rendered) => void | Promise<void>;

// How far ahead of the earliest unfinished file a file may start: in files, and
// in bytes of input started and not yet handed on (results held for ordering
// grow with their input). Wide enough that a worker never waits on the main
// thread's own slower files; the bytes keep a batch of large files bounded.
const WINDOW_PER_JOB = 128;
const WINDOW_BYTES = 64 * 1024 * 1024;
// A batch holds at most this many files or bytes of input: enough files to
// spread a message's cost thin, few enough bytes that the last batches of a
// run leave the threads' shares even.
const BATCH_FILES = 32;
const BATCH_BYTES = 256 * 1024;
// Batches queued at a worker at once: it goes on with the next while the main
// thread handles the last one's results (or renders a file of its own).
const DEPTH = 2;
// The main thread renders only files this small itself: while it renders, it
// cannot hand workers their next files (about 15 ms at most here).
const LOCAL_MAX_BYTES = 256 * 1024;
/** Whether the main thread may render a file of this size (unknown: no). */
const renderableHere = (size: number | undefined) => (size ?? Infinity) <= LOCAL_MAX_BYTES;
// A file larger than this, or of unknown size, is rendered in a worker even with one job:
// a worker's memory is limited (WORKER_MEMORY_MB), and running out of it fails that file
// alone, where on the main thread it would end the run. Dense text takes about 70 times
// its size while it is read; 8 MB of it stays well under the limit.
const MAIN_THREAD_MAX_BYTES = 8 << 20;
/** The old-generation heap of a worker thread, in MB: what one file may take while it is read. */
export const WORKER_MEMORY_MB = 4096;

/**
 * When workers are added to a batch the main thread could render alone: when,
 * at its rate after warming up (the first `warmMs` of rendering run slower
 * while V8 compiles), the files not yet started would take it `paysOffMs` or
 * more. The rate is measured over `measureMs` at least. Work per byte varies
 * five-fold with how many figures a report states, so it is measured, not
 * guessed from sizes.
 */
export type Growth = { warmMs: number; measureMs: number; paysOffMs: number };
// A worker costs about a second of CPU to load and warm up, on a core it shares
// here with the main thread (its compiler and collector threads use that core too):
// measured on copies of real reports (a figure per 380 bytes, 4 KB files), a worker
// added at 1.5 s of work left made 10–20 MB a fifth slower than one thread, one added at
// 4 s left still made 40 MB 7 % slower; at 6 s left (60 MB) it is even or better, and a
// fifth faster at 100 MB. V8 runs slower for its first half-second while it compiles
// (warmMs), so the rate is read after it.
export const DEFAULT_GROWTH: Growth = { warmMs: 500, measureMs: 300, paysOffMs: 6000 };

export type PoolOptions = {
  /** Each file's size in bytes, where known: the main thread takes only small files. */
  sizes?: (number | undefined)[];
  /** Whether the main thread renders files too (default true). */
  local?: boolean;
  /** The worker script; tests swap in one that crashes. */
  workerUrl?: URL;
  /** Start with the main thread alone and add workers (up to jobs) when the work proves long enough. */
  grow?: Growth;
  /** Told each time a worker thread is started (the tests watch growth through it). */
  onSpawn?: () => void;
  /** The bytes of inputs read already (standard input), by index; such a path only names its input. */
  contents?: (Uint8Array | undefined)[];
  /** A worker's heap limit in MB (default WORKER_MEMORY_MB). */
  memoryMb?: number;
  /** Asked between files on the main thread whether to collect the heap (heap.ts). */
  heap?: HeapKeeper;
  /** The reading thread's script (input/read-ahead.ts); tests point it at the built one. */
  readerUrl?: URL;
};

export type { Sources };

/** An array of paths as Sources, their sizes from `sizes`. */
function sourcesOf(paths: string[] | Sources, sizes: (number | undefined)[] | undefined): Sources {
  if (!Array.isArray(paths)) return paths;
  return { length: paths.length, path: (i) => paths[i]!, size: (i) => sizes?.[i] };
}

/** Whether every file's size passes `fits`; a file known not to be readable takes no thread's time, and passes. */
function everyFile(files: Sources, fits: (size: number | undefined) => boolean): boolean {
  for (let i = 0; i < files.length; i++) if (!fits(files.size(i)) && files.missing?.(i) === undefined) return false;
  return true;
}

export async function runAll(paths: string[] | Sources, jobs: number, options: RenderOptions, onResult: OnResult, pool: PoolOptions = {}): Promise<void> {
  const files = sourcesOf(paths, pool.sizes);
  const small = everyFile(files, (size) => (size ?? Infinity) <= MAIN_THREAD_MAX_BYTES);
  if ((jobs <= 1 || files.length <= 1) && small) {
    let yielded = performance.now();
    const ahead = readAhead(files, pool);
    try {
      for (let i = 0; i < files.length; i++) {
        let rendered = renderJob(withBytesAhead(ahead, job(files, i, pool)), options);
        ahead?.release(i);
        if (rendered instanceof Promise) rendered = await rendered;
        await onResult(i, rendered);
        // Let signals in every YIELD_MS: Ctrl-C stops a long batch now, not at its end. Not after
        // every file: a turn of the event loop per small report was a few per cent of a batch.
        if (performance.now() - yielded >= YIELD_MS) {
          pool.heap?.check();
          await new Promise<void>((resolve) => setImmediate(resolve));
          yielded = performance.now();
        }
      }
    } finally {
      ahead?.stop();
    }
    return;
  }
  await new PoolRun(files, jobs, options, onResult, pool).done;
}

/** How often a run on the main thread alone lets the event loop turn (signals, output drained). */
const YIELD_MS = 20;
// How long the pool's main thread renders files before the loop turns, while it holds no
// worker. Shorter than YIELD_MS: its results are written only after the turn, and 20 ms
// of them held at once raised peak RSS by a sixth on 10 MB of short reports.
const SLICE_MS = 5;

/**
 * A reader ahead of a batch of 64 files or more (input/read-ahead.ts). It stops once
 * the files prove to be in the system's cache, where reading them again only takes
 * time from the threads at work: with workers, where every core is busy, reading on
 * made 100 MB 4 % slower; on one thread, 10 MB (where the compiler needs the other
 * core) 2.5 %, and 0.7 % with the stop.
 */
function readAhead(files: Sources, pool: PoolOptions): ReadAhead | undefined {
  return files.length >= READ_AHEAD_MIN_FILES ? new ReadAhead(files, (i) => pool.contents?.[i] !== undefined, pool.readerUrl, CACHED_RUN) : undefined;
}
// The reader stops once nine in ten of this many reads came from the system's cache.
const CACHED_RUN = 256;

/**
 * The job with the file's bytes if the reader has them: a view of its ring, let go
 * (`release`) once renderJob returns, by when they are decoded, even for a
 * document (read.ts, process.ts).
 */
function withBytesAhead(ahead: ReadAhead | undefined, j: FileJob): FileJob {
  const bytes = ahead?.take(j.id);
  if (bytes) j.bytes = bytes;
  return j;
}

function job(files: Sources, id: number, pool: PoolOptions): FileJob {
  const size = files.size(id);
  const bytes = pool.contents?.[id];
  const missing = files.missing?.(id);
  // Assigned, not spread in: once per file.
  const j: FileJob = { id, path: files.path(id) };
  if (size !== undefined) j.size = size;
  if (bytes) j.bytes = bytes;
  if (missing !== undefined) j.missing = missing;
  return j;
}

/** A worker thread, what it holds, and where its results and its current file can be read. */
type Held = {
  worker: Worker;
  results: MessagePort;
  /** The id of the file the worker is rendering (BETWEEN_FILES otherwise), in shared memory. */
  current: Int32Array;
  ready: boolean;
  /** The files sent and not yet returned, in the order the worker renders them. */
  queue: number[];
  batches: number;
};

/**
 * One batch run over worker threads and the main thread: which files are
 * started, held, finished and handed on, and the measured rate that decides
 * when workers join. Every method runs on the main thread's event loop.
 */
class PoolRun {
  /** Settles when every file has been handed on, or the run stops on an error. */
  readonly done: Promise<void>;
  private resolve!: () => void;
  private reject!: (e: unknown) => void;
  private stopped = false;

  private readonly held: Held[] = [];
  /** Files to send again: held by a worker that died before returning them. */
  private readonly retry: number[] = [];
  // Files start in path order (retries aside, which are unfinished already), so the
  // earliest unfinished file is found by moving a low-water mark over `finished`.
  private readonly finished: Uint8Array;
  private low = 0;
  private next = 0;
  private handed = 0;
  /** Bytes of input started and not yet handed on. */
  private inFlight = 0;
  /** Whether the main thread is rendering a file of its own. */
  private localBusy = false;
  /** Results are handed on one after another, in the order they arrive. */
  private chain = Promise.resolve();
  /** The reader ahead of the run (input/read-ahead.ts), and the bytes it read of files started and not yet rendered. */
  private readonly ahead: ReadAhead | undefined;
  private readonly bytesAhead = new Map<number, Uint8Array>();

  private readonly local: boolean;
  private readonly window: number;
  private readonly memoryMb: number;
  /** When workers join a run the main thread started alone (undefined: they start at once). */
  private readonly growth: Growth | undefined;
  private readonly spawned: number;
  /** Bytes of input not yet started: what the measured rate is applied to. */
  private untaken = 0;
  private warmLeft: number;
  private renderedMs = 0;
  private renderedBytes = 0;

  constructor(
    private readonly files: Sources,
    jobs: number,
    private readonly options: RenderOptions,
    private readonly onResult: OnResult,
    private readonly pool: PoolOptions,
  ) {
    this.done = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    this.finished = new Uint8Array(files.length);
    this.local = pool.local ?? true;
    this.memoryMb = pool.memoryMb ?? WORKER_MEMORY_MB;
    this.window = jobs * WINDOW_PER_JOB;
    // When the main thread can take every file, it is one of the jobs; and when asked,
    // the workers wait until the work has shown it will repay them.
    const allSmall = this.local && everyFile(files, renderableHere);
    this.growth = allSmall ? pool.grow : undefined;
    this.spawned = allSmall ? jobs - 1 : jobs;
    for (let i = 0; i < files.length; i++) this.untaken += this.bytes(i);
    this.warmLeft = this.growth?.warmMs ?? 0;
    this.ahead = readAhead(files, pool);
    if (!this.growth) for (let k = 0; k < Math.min(this.spawned, files.length); k++) this.spawn();
    this.dispatch(); // the main thread starts while the workers load
  }

  /** File `id`'s job, with its bytes if they were read ahead: once (a file sent again after its worker died is read from its path). */
  private job(id: number): FileJob {
    const j = job(this.files, id, this.pool);
    const bytes = this.bytesAhead.get(id);
    if (bytes) {
      this.bytesAhead.delete(id);
      j.bytes = bytes;
    }
    return j;
  }

  private sizeOf(i: number): number | undefined {
    return this.files.size(i);
  }
  private bytes(i: number): number {
    return this.sizeOf(i) ?? 0;
  }

  private stop(e?: unknown): void {
    if (this.stopped) return;
    this.stopped = true;
    this.ahead?.stop();
    for (const h of this.held) {
      void h.worker.terminate();
      h.results.close();
    }
    if (e === undefined) this.resolve();
    else this.reject(e);
  }

  private hand(id: number, rendered: Rendered): void {
    this.chain = this.chain
      .then(() => this.onResult(id, rendered))
      .then(
        () => {
          this.finished[id] = 1;
          this.inFlight -= this.bytes(id);
          if (++this.handed === this.files.length) this.stop();
          else this.dispatch();
        },
        (e) => this.stop(e),
      );
  }

  /** The next file to start, unless the window is full (or `only` refuses it). */
  private take(only?: (i: number) => boolean): number | undefined {
    const next = this.next;
    if (next >= this.files.length || (only && !only(next))) return undefined;
    while (this.low < next && this.finished[this.low]) this.low++;
    if (next - this.low >= this.window) return undefined;
    if (this.low < next && this.inFlight + this.bytes(next) > WINDOW_BYTES) return undefined;
    this.inFlight += this.bytes(next);
    this.untaken -= this.bytes(next);
    if (this.ahead) {
      // Copied out of the ring at once: its slot serves the file a ring later, and a file
      // started here may wait longer than that for its thread to render it.
      const bytes = this.ahead.take(next);
      if (bytes) this.bytesAhead.set(next, new Uint8Array(bytes));
      this.ahead.release(next);
    }
    return this.next++;
  }

  private nextBatch(): number[] {
    const ids: number[] = [];
    let size = 0;
    while (ids.length < BATCH_FILES && size < BATCH_BYTES) {
      const id = this.retry.length ? this.retry.shift() : this.take();
      if (id === undefined) break;
      ids.push(id);
      size += this.bytes(id);
    }
    return ids;
  }

  private renderHere(): void {
    if (!this.local || this.localBusy || this.stopped) return;
    const first = this.take((i) => renderableHere(this.sizeOf(i)));
    if (first === undefined) return;
    this.localBusy = true;
    // After the event loop has had its turn: results that came in are handed on first.
    setImmediate(() => {
      if (this.stopped) return;
      const began = performance.now();
      // While no worker is held there is nothing to dispatch between files: the main thread
      // renders on for SLICE_MS before the loop turns (a turn per small file made the default
      // --jobs slower than --jobs 1 on batches it kept alone).
      for (let id: number | undefined = first; id !== undefined; ) {
        const t0 = performance.now();
        const rendered = renderJob(this.job(id), this.options);
        // A document (PDF, Word) is read asynchronously; text at once.
        if (rendered instanceof Promise) {
          const at = id;
          void rendered.then((r) => {
            this.localBusy = false;
            this.renderedHere(at, t0, r);
          });
          return;
        }
        this.renderedHere(id, t0, rendered);
        id = this.held.length || this.stopped || performance.now() - began >= SLICE_MS ? undefined : this.take((i) => renderableHere(this.sizeOf(i)));
      }
      this.localBusy = false;
      this.pool.heap?.check();
      this.dispatch();
    });
  }

  /** A file the main thread rendered (started at `t0`): measured, and handed on. */
  private renderedHere(id: number, t0: number, r: Rendered): void {
    this.measure(performance.now() - t0, id);
    this.hand(id, r);
  }

  /** After the warm-up, the main thread's rate decides whether the files not yet started repay the workers. */
  private measure(ms: number, id: number): void {
    const growth = this.growth;
    if (!growth || this.held.length) return;
    if (this.warmLeft > 0) {
      this.warmLeft -= ms;
      return;
    }
    this.renderedMs += ms;
    this.renderedBytes += this.bytes(id);
    if (this.renderedMs >= growth.measureMs && this.renderedBytes > 0 && (this.untaken * this.renderedMs) / this.renderedBytes >= growth.paysOffMs) {
      for (let k = 0; k < this.spawned; k++) this.spawn();
    }
  }

  private dispatch(): void {
    // A batch to each worker in turn, then a second: no worker waits while another holds two.
    for (let depth = 1; depth <= DEPTH; depth++) {
      for (const h of this.held) {
        if (this.stopped || !h.ready || h.batches >= depth) continue;
        const ids = this.nextBatch();
        if (!ids.length) break;
        h.queue.push(...ids);
        h.batches++;
        const files = ids.map((id) => this.job(id));
        // The bytes read ahead are handed over, not copied (standard input's are copied, as before).
        const transfer: ArrayBuffer[] = [];
        for (const f of files) if (f.bytes && !this.pool.contents?.[f.id]) transfer.push(f.bytes.buffer as ArrayBuffer);
        h.worker.postMessage({ files } satisfies Batch, transfer);
      }
    }
    this.renderHere();
  }

  private spawn(): void {
    // Results come back on a channel of their own, so that when the worker dies, what it
    // sent before dying can still be read (receiveMessageOnPort) before its queue is judged.
    const { MessageChannel, Worker } = threads();
    const { port1: results, port2 } = new MessageChannel();
    const current = new Int32Array(new SharedArrayBuffer(4)).fill(BETWEEN_FILES);
    const workerUrl = this.pool.workerUrl ?? new URL('./worker.js', import.meta.url);
    const worker = new Worker(workerUrl, {
      workerData: { options: this.options, port: port2, current } satisfies WorkerData,
      transferList: [port2],
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb },
    });
    const h: Held = { worker, results, current, ready: false, queue: [], batches: 0 };
    this.held.push(h);
    this.pool.onSpawn?.();
    results.on('message', (msg: { ready: true } | BatchResult) => this.receive(h, msg));
    worker.on('error', (e) =>
      this.died(h, (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? `ran out of memory (more than ${this.memoryMb} MB for one file): split it into smaller files` : `${INTERNAL_ERROR}${e.message}`),
    );
    worker.on('exit', (code) => {
      if (!this.stopped) this.died(h, `${INTERNAL_ERROR}the worker exited with code ${code}`);
    });
  }

  private receive(h: Held, msg: { ready: true } | BatchResult): void {
    if ('ready' in msg) {
      // Files go only to a worker that has loaded, so a death before this is never a file's doing.
      h.ready = true;
      this.dispatch();
      return;
    }
    h.batches--;
    for (const { id, rendered } of msg.results) {
      h.queue.splice(h.queue.indexOf(id), 1);
      this.hand(id, rendered);
    }
  }

  private died(h: Held, reason: string): void {
    const k = this.held.indexOf(h);
    if (k < 0) return; // already handled ('error' is followed by 'exit')
    const { receiveMessageOnPort } = threads();
    for (let m = receiveMessageOnPort(h.results); m; m = receiveMessageOnPort(h.results)) this.receive(h, m.message);
    h.results.close();
    this.held.splice(k, 1);
    if (this.stopped) return;
    // Dying before it has loaded is a broken installation, not a bad input: stop.
    if (!h.ready) return this.stop(new Error(`a worker thread failed to start: ${reason}`));
    // The file it was rendering is the one that killed it; the others it held (rendered
    // or not: a batch returns whole) go to another worker.
    const on = Atomics.load(h.current, 0);
    const culprit = h.queue.includes(on) ? on : h.queue[0];
    if (culprit !== undefined) this.hand(culprit, render(failed(this.files.path(culprit), reason), this.options));
    this.retry.push(...h.queue.filter((id) => id !== culprit));
    this.spawn();
    this.dispatch();
  }
}

// From this much input, workers start at once: even the sparsest reports then take
// long enough to repay them. Measured on the benchmark's corpora at 50 MB: two threads
// even with one on typical reports, a quarter faster on reports three times as dense,
// and nearly half on the densest. Below it, the main thread starts alone and workers
// join by the measured rate (DEFAULT_GROWTH).
const WORKERS_PAY_OFF_BYTES = 64e6;

/**
 * Threads for a batch when --jobs is not given. A batch of 32 MB or more: the
 * cores, at once. A smaller one: the main thread alone, and when it can render
 * every file (all small, sizes known), workers up to the cores once the work
 * proves long enough to repay them (dense reports: a figure per 50 bytes runs
 * five times slower per byte than real reports).
 */
export function defaultPlan(sizes: Iterable<number | undefined>, cores: number): { jobs: number; grow?: Growth } {
  let bytes = 0;
  let count = 0;
  let allSmall = true;
  for (const s of sizes) {
    bytes += s ?? 0;
    count++;
    allSmall &&= renderableHere(s);
  }
  if (bytes >= WORKERS_PAY_OFF_BYTES) return { jobs: cores };
  if (cores > 1 && count > 1 && allSmall) return { jobs: cores, grow: DEFAULT_GROWTH };
  return { jobs: 1 };
}

/** Wraps a callback so that it sees results in index order. */
export function inOrder(emit: (result: Rendered, index: number) => void | Promise<void>): OnResult {
  const early = new Map<number, Rendered>();
  let due = 0;
  return async (index, result) => {
    early.set(index, result);
    while (early.has(due)) {
      const r = early.get(due)!;
      early.delete(due);
      await emit(r, due++);
    }
  };
}
