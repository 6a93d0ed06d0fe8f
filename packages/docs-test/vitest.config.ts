import { defineProject, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

export default mergeConfig(
  shared,
  defineProject({
    test: {
      // The README blocks start servers and child processes (pnpm, tsx, tsc, vitest) on a shared two-core runner.
      testTimeout: 180_000,
    },
  }),
);
