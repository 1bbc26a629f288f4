/**
 * The worker side of the pool's protocol (pool.ts), shared by the worker
 * thread and the stand-ins that tests use. Files come in batches and their
 * results go back as one message per batch: a message costs tens of
 * microseconds on each side, about a tenth of what rendering a small report does.
 * Before rendering a file the worker writes its id into memory shared with
 * the main thread, so that if the thread dies, the pool knows which file
 * killed it, and which files of the batch were rendered but never returned.
 * Output goes back as UTF-8 bytes whose memory is handed over, not copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { heapKeeper } from './heap.js';
import type { RenderOptions, Rendered } from './render.js';
import { BETWEEN_FILES, type Batch, type BatchResult, type FileJob, type WorkerData } from './protocol.js';


/** Serves batches with `render` until the thread is ended; a document's rendering is awaited, batches in turn. */
export function serve(render: (file: FileJob, options: RenderOptions) => Rendered | Promise<Rendered>): void {
  const { options, port, current } = workerData as WorkerData;
  const encoder = new TextEncoder();
  const heap = heapKeeper();
  // Loaded: from here on, a death is a file's doing, not the installation's.
  port.postMessage({ ready: true });
  let queue = Promise.resolve();
  const handle = async (batch: Batch) => {
    const results: BatchResult['results'] = [];
    const transfer: ArrayBuffer[] = [];
    for (const file of batch.files) {
      Atomics.store(current, 0, file.id);
      let rendered = render(file, options);
      if (rendered instanceof Promise) rendered = await rendered;
      // Each encoding owns its memory (Buffer.from may slice a shared pool), so it can be transferred.
      rendered.pieces = rendered.pieces.map((p) => {
        const bytes = typeof p === 'string' ? encoder.encode(p) : p;
        transfer.push(bytes.buffer as ArrayBuffer);
        return bytes;
      });
      results.push({ id: file.id, rendered });
    }
    Atomics.store(current, 0, BETWEEN_FILES);
    port.postMessage({ results } satisfies BatchResult, transfer);
    heap.check();
  };
  parentPort!.on('message', (batch: Batch) => {
    queue = queue.then(() => handle(batch));
  });
}
