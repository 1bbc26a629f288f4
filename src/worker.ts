/** A worker thread: paths in, rendered text and a summary out (see pool.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { renderFile, type RenderOptions } from './render.js';

const options = workerData as RenderOptions;
// Loaded: from here on, a death is a file's doing, not the installation's (see pool.ts).
parentPort!.postMessage({ ready: true });
parentPort!.on('message', (msg: { id: number; path: string }) => {
  parentPort!.postMessage({ id: msg.id, rendered: renderFile(msg.path, options) });
});
