import { defineConfig } from 'vitest/config';

/**
 * Defaults every package's vitest config extends. CI runs several suites at once on two shared cores, so the
 * per-test limit is a generous safety net against hangs, never a speed check (speed lives in `pnpm bench`).
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
