#!/usr/bin/env node
// The command line bundled with its modules (scripts/bundle.mjs): fewer files to load at start-up.
import { main } from '../dist/bundle/cli.js';

// A reader that stops early (extract … | head) closes the pipe: end quietly, as
// other command-line tools do, instead of with a stack trace. Any other write
// error (a full disk) is kept by the output sink, and the run ends with exit 4
// and a line naming it. Temporary files of --out and --checks-csv are removed on
// exit (see output/sink.ts).
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
});

process.exitCode = await main(process.argv.slice(2));
