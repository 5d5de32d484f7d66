// Shared Vitest settings: every package resolves workspace siblings from source
// (the `@shequ/source` export condition) so tests never need a build first.
import { defineConfig, mergeConfig } from 'vitest/config';

export const sharedConfig = defineConfig({
  resolve: { conditions: ['@shequ/source'] },
  ssr: { resolve: { conditions: ['@shequ/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Generous limits: a 2-core CI machine running four packages' suites at once is slow to start
    // PGlite and tsx. Speed goals are checked by `pnpm bench`, never by these timeouts.
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});

/** @param {import('vitest/config').UserConfig} [overrides] */
export function packageConfig(overrides = {}) {
  return mergeConfig(sharedConfig, overrides);
}
