// A worker like dist/worker.js that marks each result with its thread (in the summary's notices).
import { threadId } from 'node:worker_threads';
import { renderJob } from '../../dist/batch/render.js';
import { serve } from '../../dist/batch/serve.js';

serve((file, options) => {
  const rendered = renderJob(file, options);
  rendered.summary.notices.push(`rendered by worker ${threadId}`);
  return rendered;
});
