/** A worker thread: batches of paths in, rendered output and summaries out (see serve.ts and pool.ts). */
import { renderFile } from './render.js';
import { serve } from './serve.js';

serve((file, options) => renderFile(file.path, options, file.size));
