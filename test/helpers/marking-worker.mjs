// A worker like dist/worker.js that marks each result with its thread (in the summary's notices).
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { renderFile } from '../../dist/render.js';

const { options, port } = workerData;
port.postMessage({ ready: true });
parentPort.on('message', (msg) => {
  const rendered = renderFile(msg.path, options);
  rendered.summary.notices.push(`rendered by worker ${threadId}`);
  port.postMessage({ id: msg.id, rendered });
});
