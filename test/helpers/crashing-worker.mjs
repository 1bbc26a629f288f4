// A worker like dist/worker.js that dies on some files: "crash" in the path
// ends the thread with exit code 7, "throw" throws an uncaught error.
import { renderJob } from '../../dist/batch/render.js';
import { serve } from '../../dist/batch/serve.js';

serve((file, options) => {
  if (file.path.includes('crash')) process.exit(7);
  if (file.path.includes('throw')) throw new Error('boom');
  return renderJob(file, options);
});
