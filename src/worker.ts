/**
 * A worker thread: paths in, rendered output and a summary out (see pool.ts).
 * The output goes back as UTF-8 bytes whose memory is handed over, not copied:
 * the main thread then only copies bytes into its output block, and does no
 * encoding of its own for the files it did not render.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { renderFile, type RenderOptions } from './render.js';

const { options, port } = workerData as { options: RenderOptions; port: MessagePort };
const encoder = new TextEncoder();
// Loaded: from here on, a death is a file's doing, not the installation's (see pool.ts).
port.postMessage({ ready: true });
parentPort!.on('message', (msg: { id: number; path: string; size?: number }) => {
  const rendered = renderFile(msg.path, options, msg.size);
  // Each encoding owns its memory (unlike Buffer.from, which may slice a shared pool), so it can be transferred.
  const pieces = rendered.pieces.map((p) => (typeof p === 'string' ? encoder.encode(p) : p));
  rendered.pieces = pieces;
  port.postMessage({ id: msg.id, rendered }, pieces.map((p) => p.buffer as ArrayBuffer));
});
