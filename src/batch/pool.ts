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
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { failed } from './process.js';
import { render, renderFile, type RenderOptions, type Rendered } from './render.js';
import { BETWEEN_FILES, type Batch, type BatchResult, type WorkerData } from './serve.js';

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
// here with the main thread: measured on the benchmark's corpora, two threads
// were even with one at about 1.5 s of work and a quarter faster at 3 s.
export const DEFAULT_GROWTH: Growth = { warmMs: 150, measureMs: 150, paysOffMs: 1500 };

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
};

export async function runAll(paths: string[], jobs: number, options: RenderOptions, onResult: OnResult, pool: PoolOptions = {}): Promise<void> {
  const sizeOf = (i: number) => pool.sizes?.[i];
  if (jobs <= 1 || paths.length <= 1) {
    for (let i = 0; i < paths.length; i++) {
      await onResult(i, renderFile(paths[i]!, options, sizeOf(i)));
      // Let signals in between files: Ctrl-C stops a long batch now, not at its end.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return;
  }
  const workerUrl = pool.workerUrl ?? new URL('./worker.js', import.meta.url);
  const small = (i: number) => renderableHere(sizeOf(i));
  const bytes = (i: number) => sizeOf(i) ?? 0;
  const local = pool.local ?? true;
  // When the main thread can take every file, it is one of the jobs; and when asked,
  // the workers wait until the work has shown it will repay them.
  const allSmall = local && paths.every((_, i) => small(i));
  const growth = allSmall ? pool.grow : undefined;
  const spawned = allSmall ? jobs - 1 : jobs;
  let untaken = 0;
  for (let i = 0; i < paths.length; i++) untaken += bytes(i);
  let warmLeft = growth?.warmMs ?? 0;
  let renderedMs = 0;
  let renderedBytes = 0;
  const window = jobs * WINDOW_PER_JOB;
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
  const held: Held[] = [];
  /** Files to send again: held by a worker that died before returning them. */
  const retry: number[] = [];
  // Files start in path order (retries aside, which are unfinished already), so the
  // earliest unfinished file is found by moving a low-water mark over `finished`.
  const finished = new Uint8Array(paths.length);
  let low = 0;
  let next = 0;
  let handed = 0;
  let inFlight = 0;
  let localBusy = false;
  let chain = Promise.resolve();

  await new Promise<void>((resolve, reject) => {
    let stopped = false;
    const stop = (e?: unknown) => {
      if (stopped) return;
      stopped = true;
      for (const h of held) {
        void h.worker.terminate();
        h.results.close();
      }
      if (e === undefined) resolve();
      else reject(e);
    };
    const hand = (id: number, rendered: Rendered) => {
      chain = chain
        .then(() => onResult(id, rendered))
        .then(() => {
          finished[id] = 1;
          inFlight -= bytes(id);
          if (++handed === paths.length) stop();
          else dispatch();
        }, stop);
    };
    /** The next file to start, unless the window is full (or `only` refuses it). */
    const take = (only?: (i: number) => boolean): number | undefined => {
      if (next >= paths.length || (only && !only(next))) return undefined;
      while (low < next && finished[low]) low++;
      if (next - low >= window) return undefined;
      if (low < next && inFlight + bytes(next) > WINDOW_BYTES) return undefined;
      inFlight += bytes(next);
      untaken -= bytes(next);
      return next++;
    };
    const nextBatch = (): number[] => {
      const ids: number[] = [];
      let size = 0;
      while (ids.length < BATCH_FILES && size < BATCH_BYTES) {
        const id = retry.length ? retry.shift() : take();
        if (id === undefined) break;
        ids.push(id);
        size += bytes(id);
      }
      return ids;
    };
    const renderHere = () => {
      if (!local || localBusy || stopped) return;
      const id = take(small);
      if (id === undefined) return;
      localBusy = true;
      // After the event loop has had its turn: results that came in are handed on first.
      setImmediate(() => {
        if (stopped) return;
        const t0 = performance.now();
        const rendered = renderFile(paths[id]!, options, sizeOf(id));
        localBusy = false;
        if (growth && !held.length) {
          const ms = performance.now() - t0;
          if (warmLeft > 0) warmLeft -= ms;
          else {
            renderedMs += ms;
            renderedBytes += bytes(id);
            if (renderedMs >= growth.measureMs && renderedBytes > 0 && (untaken * renderedMs) / renderedBytes >= growth.paysOffMs) {
              for (let k = 0; k < spawned; k++) spawn();
            }
          }
        }
        hand(id, rendered);
      });
    };
    const dispatch = () => {
      // A batch to each worker in turn, then a second: no worker waits while another holds two.
      for (let depth = 1; depth <= DEPTH; depth++) {
        for (const h of held) {
          if (stopped || !h.ready || h.batches >= depth) continue;
          const ids = nextBatch();
          if (!ids.length) break;
          h.queue.push(...ids);
          h.batches++;
          h.worker.postMessage({ files: ids.map((id) => ({ id, path: paths[id]!, size: sizeOf(id) })) } satisfies Batch);
        }
      }
      renderHere();
    };
    const spawn = () => {
      // Results come back on a channel of their own, so that when the worker dies, what it
      // sent before dying can still be read (receiveMessageOnPort) before its queue is judged.
      const { port1: results, port2 } = new MessageChannel();
      const current = new Int32Array(new SharedArrayBuffer(4)).fill(BETWEEN_FILES);
      const worker = new Worker(workerUrl, { workerData: { options, port: port2, current } satisfies WorkerData, transferList: [port2] });
      const h: Held = { worker, results, current, ready: false, queue: [], batches: 0 };
      held.push(h);
      pool.onSpawn?.();
      const receive = (msg: { ready: true } | BatchResult) => {
        if ('ready' in msg) {
          // Files go only to a worker that has loaded, so a death before this is never a file's doing.
          h.ready = true;
          dispatch();
          return;
        }
        h.batches--;
        for (const { id, rendered } of msg.results) {
          h.queue.splice(h.queue.indexOf(id), 1);
          hand(id, rendered);
        }
      };
      results.on('message', receive);
      const died = (reason: string) => {
        const k = held.indexOf(h);
        if (k < 0) return; // already handled ('error' is followed by 'exit')
        for (let m = receiveMessageOnPort(results); m; m = receiveMessageOnPort(results)) receive(m.message);
        results.close();
        held.splice(k, 1);
        if (stopped) return;
        // Dying before it has loaded is a broken installation, not a bad input: stop.
        if (!h.ready) return stop(new Error(`a worker thread failed to start: ${reason}`));
        // The file it was rendering is the one that killed it; the others it held (rendered
        // or not: a batch returns whole) go to another worker.
        const on = Atomics.load(current, 0);
        const culprit = h.queue.includes(on) ? on : h.queue[0];
        if (culprit !== undefined) hand(culprit, render(failed(paths[culprit]!, `internal error: ${reason}`), options));
        retry.push(...h.queue.filter((id) => id !== culprit));
        spawn();
        dispatch();
      };
      worker.on('error', (e) => died(e.message));
      worker.on('exit', (code) => {
        if (!stopped) died(`the worker exited with code ${code}`);
      });
    };
    if (!growth) for (let k = 0; k < Math.min(spawned, paths.length); k++) spawn();
    dispatch(); // the main thread starts while the workers load
  });
}

// From this much input, workers start at once: even reports at the density of
// real ones (a figure per 700 bytes) then take long enough to repay them.
// Measured on the benchmark's corpora at 50 MB: two threads even with one on
// typical reports, a quarter faster on reports three times as dense, and nearly
// half on the densest. Below it, the main thread starts alone.
const WORKERS_PAY_OFF_BYTES = 32e6;

/**
 * Threads for a batch when --jobs is not given. A batch of 32 MB or more: the
 * cores, at once. A smaller one: the main thread alone, and when it can render
 * every file (all small, sizes known), workers up to the cores once the work
 * proves long enough to repay them (dense reports: a figure per 50 bytes runs
 * five times slower per byte than real reports).
 */
export function defaultPlan(sizes: (number | undefined)[], cores: number): { jobs: number; grow?: Growth } {
  let bytes = 0;
  for (const s of sizes) bytes += s ?? 0;
  if (bytes >= WORKERS_PAY_OFF_BYTES) return { jobs: cores };
  if (cores > 1 && sizes.length > 1 && sizes.every(renderableHere)) return { jobs: cores, grow: DEFAULT_GROWTH };
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
