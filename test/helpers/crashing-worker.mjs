// A worker like dist/worker.js that dies on some files: "crash" in the path
// ends the thread with exit code 7, "throw" throws an uncaught error.
import { parentPort, workerData } from 'node:worker_threads';
import { renderFile } from '../../dist/render.js';

const { options, port } = workerData;
port.postMessage({ ready: true });
parentPort.on('message', (msg) => {
  if (msg.path.includes('crash')) process.exit(7);
  if (msg.path.includes('throw')) throw new Error('boom');
  port.postMessage({ id: msg.id, rendered: renderFile(msg.path, options) });
});
