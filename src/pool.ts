/**
 * Spreading files over worker threads. Results arrive as files finish;
 * `inOrder` re-sequences them so that JSON and CSV come out in path order
 * whatever the number of jobs, holding back only what arrived early.
 */
import { Worker } from 'node:worker_threads';
import type { Report } from './report.js';
import { failed, processFile, type ProcessOptions } from './process.js';

export type OnReport = (index: number, report: Report) => void | Promise<void>;

export async function runAll(paths: string[], jobs: number, options: ProcessOptions, onReport: OnReport): Promise<void> {
  if (jobs <= 1 || paths.length <= 1) {
    for (let i = 0; i < paths.length; i++) {
      let report: Report;
      try {
        report = processFile(paths[i]!, options);
      } catch (e) {
        report = failed(paths[i]!, `internal error: ${(e as Error).message}`);
      }
      await onReport(i, report);
    }
    return;
  }
  const workerUrl = new URL('./worker.js', import.meta.url);
  const count = Math.min(jobs, paths.length);
  let next = 0;
  let pending = Promise.resolve();
  await new Promise<void>((resolve, reject) => {
    let live = count;
    for (let w = 0; w < count; w++) {
      const worker = new Worker(workerUrl, { workerData: options });
      const feed = () => {
        if (next < paths.length) {
          const id = next++;
          worker.postMessage({ id, path: paths[id] });
        } else {
          void worker.terminate();
          if (--live === 0) pending.then(resolve, reject);
        }
      };
      worker.on('message', (msg: { id: number; report: Report }) => {
        pending = pending.then(() => onReport(msg.id, msg.report));
        feed();
      });
      worker.on('error', reject);
      feed();
    }
  });
}

/** Wraps a callback so that it sees reports in index order. */
export function inOrder(emit: (report: Report, index: number) => void | Promise<void>): OnReport {
  const early = new Map<number, Report>();
  let due = 0;
  return async (index, report) => {
    early.set(index, report);
    while (early.has(due)) {
      const r = early.get(due)!;
      early.delete(due);
      await emit(r, due++);
    }
  };
}
