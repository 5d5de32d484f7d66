import { defineConfig } from 'vitest/config';

// Each file walks through the console in one browser against its own real server; the steps of a file
// share state, so they run in order. The demo database is built once (global-setup.ts) and copied.
// Files share nothing (each has its own port, database copy and browser), so SHEQU_E2E_WORKERS files
// may walk at once; one by default, as a busy machine's timeouts are not the console's.
const workers = Math.max(1, Number(process.env.SHEQU_E2E_WORKERS ?? 1) || 1);

export default defineConfig({
  test: {
    include: ['test/**/*.e2e.ts'],
    globalSetup: ['test/global-setup.ts'],
    fileParallelism: workers > 1,
    maxWorkers: workers,
    // A step waits on a server and a browser that share two cores with the other suites: generous.
    testTimeout: 60_000,
    hookTimeout: 200_000,
    reporters: ['verbose'],
  },
});
