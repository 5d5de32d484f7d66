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
    setupFiles: ['test/on-failure.ts'],
    fileParallelism: workers > 1,
    maxWorkers: workers,
    // A step waits on a server and a browser that share two cores with the other suites: generous.
    testTimeout: 60_000,
    hookTimeout: 200_000,
    // On CI's two shared cores a step can lose a race with the machine (a click landing while a list is
    // still opening) rather than with the console; such a step is walked once more, from where the
    // previous steps left the page, and is reported as retried. A step that fails twice fails the run.
    retry: process.env.CI ? 1 : 0,
    reporters: ['verbose'],
  },
});
