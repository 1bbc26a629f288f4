/** A worker thread: paths in, rendered text and a summary out (see pool.ts). */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { renderFile, type RenderOptions } from './render.js';

const { options, port } = workerData as { options: RenderOptions; port: MessagePort };
// Loaded: from here on, a death is a file's doing, not the installation's (see pool.ts).
port.postMessage({ ready: true });
parentPort!.on('message', (msg: { id: number; path: string }) => {
  port.postMessage({ id: msg.id, rendered: renderFile(msg.path, options) });
});
