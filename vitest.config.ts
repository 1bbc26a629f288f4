import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    setupFiles: ['test/helpers/cleanup.ts'],
    // Two test files at a time, also on a two-core machine (vitest's default leaves one core
    // free there): most of the time goes to spawned processes and worker threads starting up.
    maxWorkers: 2,
  },
});
