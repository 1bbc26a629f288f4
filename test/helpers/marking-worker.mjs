// A worker like dist/worker.js that marks each result with its thread (in the summary's notices).
import { threadId } from 'node:worker_threads';
import { renderFile } from '../../dist/batch/render.js';
import { serve } from '../../dist/batch/serve.js';

serve((file, options) => {
  const rendered = renderFile(file.path, options, file.size);
  rendered.summary.notices.push(`rendered by worker ${threadId}`);
  return rendered;
});
