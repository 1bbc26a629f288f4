/**
 * Spreading files over worker threads. Workers return rendered text, not
 * Reports, so the main thread only writes. Memory stays bounded: a worker
 * holds at most DEPTH files at once, a result is handed on (written, or held
 * for ordering) before its worker's place is refilled, and no file is started
 * more than a window of files ahead of the earliest one still unfinished, so
 * ordering never holds back more than that window of results. A worker that
 * dies (a crash, out of memory) fails the file it was on, not the batch: a new
 * worker takes its place and the files queued behind it.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { failed } from './process.js';
import { render, renderFile, type RenderOptions, type Rendered } from './render.js';

export type OnResult = (index: number, result: Rendered) => void | Promise<void>;

const WINDOW_PER_JOB = 8;
// Files queued at a worker at once: it starts its next file while the main
// thread is still handling the last result, instead of waiting for it.
const DEPTH = 3;

export async function runAll(
  paths: string[],
  jobs: number,
  options: RenderOptions,
  onResult: OnResult,
  /** The worker script; tests swap in one that crashes. */
  workerUrl: URL = new URL('./worker.js', import.meta.url),
): Promise<void> {
  if (jobs <= 1 || paths.length <= 1) {
    for (let i = 0; i < paths.length; i++) {
      await onResult(i, renderFile(paths[i]!, options));
      // Let signals in between files: Ctrl-C stops a long batch now, not at its end.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return;
  }
  const window = jobs * WINDOW_PER_JOB;
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
          if (++handed === paths.length) stop();
          else dispatch();
        }, stop);
    };
    const send = (w: Worker, id: number) => {
      queued.get(w)!.push(id);
      w.postMessage({ id, path: paths[id] });
    };
    const dispatch = () => {
      for (let depth = 1; depth <= DEPTH; depth++) {
        for (const w of workers) {
          if (stopped || !ready.has(w) || queued.get(w)!.length >= depth) continue;
          if (retry.length) {
            send(w, retry.shift()!);
            continue;
          }
          if (next >= paths.length) return;
          let earliest = next;
          for (const u of unfinished) if (u < earliest) earliest = u;
          if (next - earliest >= window) return;
          unfinished.add(next);
          send(w, next++);
        }
      }
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
    for (let k = 0; k < Math.min(jobs, paths.length); k++) spawn();
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
