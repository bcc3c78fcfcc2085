import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default'],
    // Projected models are frozen in tests (src/editions/project.ts): a change to a model shared between builds fails loudly.
    env: { MXSPEC_FREEZE_MODELS: '1' },
  },
});
