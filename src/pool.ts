/**
 * Spreading files over worker threads. Workers return rendered text, not
 * Reports, so the main thread only writes. Memory stays bounded two ways: a
 * worker gets its next file only once its last result has been handed on
 * (written, or held for ordering), and no file is started more than WINDOW
 * files ahead of the earliest one still unfinished, so ordering never holds
 * back more than WINDOW results. A worker that dies (a crash, out of memory)
 * fails its file, not the batch: a new worker takes its place.
 */
import { Worker } from 'node:worker_threads';
import { failed } from './process.js';
import { render, renderFile, type RenderOptions, type Rendered } from './render.js';

export type OnResult = (index: number, result: Rendered) => void | Promise<void>;

const WINDOW_PER_JOB = 8;

export async function runAll(paths: string[], jobs: number, options: RenderOptions, onResult: OnResult): Promise<void> {
  if (jobs <= 1 || paths.length <= 1) {
    for (let i = 0; i < paths.length; i++) await onResult(i, renderFile(paths[i]!, options));
    return;
  }
  const workerUrl = new URL('./worker.js', import.meta.url);
  const window = jobs * WINDOW_PER_JOB;
  const unfinished = new Set<number>();
  const idle: Worker[] = [];
  const busy = new Map<Worker, number>();
  let next = 0;
  let handed = 0;
  let chain = Promise.resolve();

  await new Promise<void>((resolve, reject) => {
    let stopped = false;
    const stop = (e?: unknown) => {
      if (stopped) return;
      stopped = true;
      for (const w of [...idle, ...busy.keys()]) void w.terminate();
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
    const dispatch = () => {
      while (!stopped && idle.length && next < paths.length) {
        let earliest = next;
        for (const u of unfinished) if (u < earliest) earliest = u;
        if (next - earliest >= window) return;
        const w = idle.pop()!;
        unfinished.add(next);
        busy.set(w, next);
        w.postMessage({ id: next, path: paths[next] });
        next++;
      }
    };
    const spawn = () => {
      const w = new Worker(workerUrl, { workerData: options });
      w.on('message', (msg: { id: number; rendered: Rendered }) => {
        busy.delete(w);
        idle.push(w);
        hand(msg.id, msg.rendered);
      });
      const died = (reason: string) => {
        const id = busy.get(w);
        busy.delete(w);
        const k = idle.indexOf(w);
        if (k >= 0) idle.splice(k, 1);
        if (stopped) return;
        // Dying with no file in hand is a broken installation, not a bad input: stop.
        if (id === undefined) return stop(new Error(`a worker thread failed to start: ${reason}`));
        hand(id, render(failed(paths[id]!, `internal error: ${reason}`), options.formats));
        spawn();
        dispatch();
      };
      w.on('error', (e) => died(e.message));
      w.on('exit', (code) => {
        if (!stopped && (busy.has(w) || idle.includes(w))) died(`the worker exited with code ${code}`);
      });
      idle.push(w);
    };
    for (let k = 0; k < Math.min(jobs, paths.length); k++) spawn();
    dispatch();
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
