#!/usr/bin/env node
import { main } from '../dist/cli.js';

// A reader that stops early (extract … | head) closes the pipe: end quietly, as
// other command-line tools do, instead of with a stack trace. Temporary files
// of --out and --checks-csv are removed on exit (see output/sink.ts).
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

process.exitCode = await main(process.argv.slice(2));
