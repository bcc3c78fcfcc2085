import { defineConfig } from 'vitest/config';
import { runTempRoot } from './test/helpers/run-temp-root.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default'],
    // Every temporary folder of a run lives under one folder, removed when the run ends (test/helpers/run-temp-root.ts).
    globalSetup: ['test/helpers/run-temp-root.ts'],
    env: {
      // Projected models are frozen in tests (src/editions/project.ts): a change to a model shared between builds fails loudly.
      MXSPEC_FREEZE_MODELS: '1',
      TMPDIR: runTempRoot(),
    },
  },
});
