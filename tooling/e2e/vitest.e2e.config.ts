import { defineConfig } from 'vitest/config';

// Each file walks through the console in one browser against its own real server; the steps of a file
// share state, so they run in order. The demo database is built once (global-setup.ts) and copied.
export default defineConfig({
  test: {
    include: ['test/**/*.e2e.ts'],
    globalSetup: ['test/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 200_000,
    reporters: ['verbose'],
  },
});
