/** A worker thread: batches of paths in, rendered output and summaries out (see serve.ts and pool.ts). */
import { workerData } from 'node:worker_threads';
import { prepareFormats } from '../output/select.js';
import { renderJob } from './render.js';
import { serve } from './serve.js';
import type { WorkerData } from './protocol.js';

await prepareFormats((workerData as WorkerData).options.formats);
serve(renderJob);
