// Shared Vitest settings: every package resolves workspace siblings from source
// (the `@shequ/source` export condition) so tests never need a build first.
import { defineConfig, mergeConfig } from 'vitest/config';

export const sharedConfig = defineConfig({
  resolve: { conditions: ['@shequ/source'] },
  ssr: { resolve: { conditions: ['@shequ/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});

/** @param {import('vitest/config').UserConfig} [overrides] */
export function packageConfig(overrides = {}) {
  return mergeConfig(sharedConfig, overrides);
}
