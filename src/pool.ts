/**
 * Spreading files over worker threads. Workers return rendered text, not
 * Reports, so the main thread only writes; and when it has nothing to write
 * it renders small files itself, so that `jobs` threads do the work and not
 * jobs + 1 on jobs cores (an extra worker costs its start-up, its own JIT
 * warm-up, and a core shared with the main thread).
 *
 * Memory stays bounded: a worker holds at most DEPTH files at once, a result
 * is handed on (written, or held for ordering) before its worker's place is
 * refilled, and no file is started more than a window of files (and of input
 * bytes) ahead of the earliest one still unfinished, so ordering never holds
 * back more than that window of results. A worker that
 * dies (a crash, out of memory) fails the file it was on, not the batch: a new
 * worker takes its place and the files queued behind it.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { failed } from './process.js';
import { render, renderFile, type RenderOptions, type Rendered } from './render.js';

export type OnResult = (index: number, result: Rendered) => void | Promise<void>;

// How far ahead of the earliest unfinished file a file may start: in files, and
// in bytes of input started and not yet handed on (results held for ordering
// grow with their input). Wide enough that a worker never waits on the main
// thread's own slower files; the bytes keep a batch of large files bounded.
const WINDOW_PER_JOB = 32;
const WINDOW_BYTES = 64 * 1024 * 1024;
// Files queued at a worker at once: it goes on with its next file while the
// main thread is busy (rendering a file of its own, writing a block).
const DEPTH = 8;
// The main thread renders only files this small itself: while it renders, it
// cannot hand workers their next files (about 15 ms at most here).
const LOCAL_MAX_BYTES = 256 * 1024;

export type PoolOptions = {
  /** Each file's size in bytes, where known: the main thread takes only small files. */
  sizes?: (number | undefined)[];
  /** Whether the main thread renders files too (default true). */
  local?: boolean;
  /** The worker script; tests swap in one that crashes. */
  workerUrl?: URL;
};

export async function runAll(paths: string[], jobs: number, options: RenderOptions, onResult: OnResult, pool: PoolOptions = {}): Promise<void> {
  if (jobs <= 1 || paths.length <= 1) {
    for (let i = 0; i < paths.length; i++) {
      await onResult(i, renderFile(paths[i]!, options, pool.sizes?.[i]));
      // Let signals in between files: Ctrl-C stops a long batch now, not at its end.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return;
  }
  const workerUrl = pool.workerUrl ?? new URL('./worker.js', import.meta.url);
  const small = (i: number) => (pool.sizes?.[i] ?? Infinity) <= LOCAL_MAX_BYTES;
  const bytes = (i: number) => pool.sizes?.[i] ?? 0;
  let inFlight = 0;
  const local = pool.local ?? true;
  // When the main thread can take every file, it is one of the jobs.
  const spawned = local && paths.every((_, i) => small(i)) ? jobs - 1 : jobs;
  const window = jobs * WINDOW_PER_JOB;
  let localBusy = false;
  const unfinished = new Set<number>();
  const workers: Worker[] = [];
  const ready = new Set<Worker>();
  const channels = new Map<Worker, MessagePort>();
  /** Per worker, the files sent to it and not yet returned, in the order it works on them. */
  const queued = new Map<Worker, number[]>();
  /** Files to send again: queued at a worker that died before reaching them. */
  const retry: number[] = [];
  let next = 0;
  let handed = 0;
  let chain = Promise.resolve();

  await new Promise<void>((resolve, reject) => {
    let stopped = false;
    const stop = (e?: unknown) => {
      if (stopped) return;
      stopped = true;
      for (const w of workers) void w.terminate();
      for (const p of channels.values()) p.close();
      if (e === undefined) resolve();
      else reject(e);
    };
    const hand = (id: number, rendered: Rendered) => {
      chain = chain
        .then(() => onResult(id, rendered))
        .then(() => {
          unfinished.delete(id);
          inFlight -= bytes(id);
          if (++handed === paths.length) stop();
          else dispatch();
        }, stop);
    };
    const send = (w: Worker, id: number) => {
      queued.get(w)!.push(id);
      w.postMessage({ id, path: paths[id], size: pool.sizes?.[id] });
    };
    /** The next file to start, unless the window is full (or `only` refuses it). */
    const take = (only?: (i: number) => boolean): number | undefined => {
      if (next >= paths.length || (only && !only(next))) return undefined;
      let earliest = next;
      for (const u of unfinished) if (u < earliest) earliest = u;
      if (next - earliest >= window) return undefined;
      if (unfinished.size && inFlight + bytes(next) > WINDOW_BYTES) return undefined;
      unfinished.add(next);
      inFlight += bytes(next);
      return next++;
    };
    const renderHere = () => {
      if (!local || localBusy || stopped) return;
      const id = take(small);
      if (id === undefined) return;
      localBusy = true;
      // After the event loop has had its turn: results that came in are handed on first.
      setImmediate(() => {
        if (stopped) return;
        const rendered = renderFile(paths[id]!, options, pool.sizes?.[id]);
        localBusy = false;
        hand(id, rendered);
      });
    };
    const dispatch = () => {
      for (let depth = 1; depth <= DEPTH; depth++) {
        for (const w of workers) {
          if (stopped || !ready.has(w) || queued.get(w)!.length >= depth) continue;
          if (retry.length) {
            send(w, retry.shift()!);
            continue;
          }
          const id = take();
          if (id === undefined) break;
          send(w, id);
        }
      }
      renderHere();
    };
    const spawn = () => {
      // Results come back on a channel of their own, so that when the worker dies, what it
      // sent before dying can still be read (receiveMessageOnPort) before its queue is judged.
      const { port1: results, port2 } = new MessageChannel();
      const w = new Worker(workerUrl, { workerData: { options, port: port2 }, transferList: [port2] });
      workers.push(w);
      queued.set(w, []);
      channels.set(w, results);
      const receive = (msg: { ready: true } | { id: number; rendered: Rendered }) => {
        if ('ready' in msg) {
          // Files go only to a worker that has loaded, so a death before this is never a file's doing.
          ready.add(w);
          dispatch();
          return;
        }
        const q = queued.get(w)!;
        q.splice(q.indexOf(msg.id), 1);
        hand(msg.id, msg.rendered);
      };
      results.on('message', receive);
      const died = (reason: string) => {
        const k = workers.indexOf(w);
        if (k < 0) return; // already handled ('error' is followed by 'exit')
        for (let m = receiveMessageOnPort(results); m; m = receiveMessageOnPort(results)) receive(m.message);
        results.close();
        channels.delete(w);
        workers.splice(k, 1);
        const [current, ...rest] = queued.get(w)!;
        queued.delete(w);
        if (stopped) return;
        // Dying before it has loaded is a broken installation, not a bad input: stop.
        if (!ready.delete(w)) return stop(new Error(`a worker thread failed to start: ${reason}`));
        if (current !== undefined) hand(current, render(failed(paths[current]!, `internal error: ${reason}`), options.formats));
        retry.push(...rest);
        spawn();
        dispatch();
      };
      w.on('error', (e) => died(e.message));
      w.on('exit', (code) => {
        if (!stopped) died(`the worker exited with code ${code}`);
      });
    };
    for (let k = 0; k < Math.min(spawned, paths.length); k++) spawn();
    dispatch(); // the main thread starts while the workers load
  });
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
