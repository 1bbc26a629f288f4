/** A worker thread: files in, Reports out (see pool.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { failed, processFile, type ProcessOptions } from './process.js';

const options = workerData as ProcessOptions;
parentPort!.on('message', (msg: { id: number; path: string }) => {
  let report;
  try {
    report = processFile(msg.path, options);
  } catch (e) {
    report = failed(msg.path, `internal error: ${(e as Error).message}`);
  }
  parentPort!.postMessage({ id: msg.id, report });
});
