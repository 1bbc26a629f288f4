#!/usr/bin/env node
// A step of the build: the command line, its worker thread and its reading thread, each bundled with the
// modules they import into dist/bundle/ (dependencies stay in node_modules). Loading a
// handful of files instead of some eighty is a seventh of the start-up of one small
// report. Modules loaded on demand (the table view, the review page, the panel, the
// HTML reader) stay separate chunks, loaded as before only when a run needs them.
// dist/index.js, the library, is not bundled.
import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
buildSync({
  entryPoints: { cli: `${dist}cli.js`, worker: `${dist}batch/worker.js`, 'read-ahead-thread': `${dist}input/read-ahead-thread.js` },
  outdir: `${dist}bundle`,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
