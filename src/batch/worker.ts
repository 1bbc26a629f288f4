/** A worker thread: batches of paths in, rendered output and summaries out (see serve.ts and pool.ts). */
import { renderJob } from './render.js';
import { serve } from './serve.js';

serve(renderJob);
