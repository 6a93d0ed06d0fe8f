import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Scenarios and the browser test talk to real loopback servers; none of them asserts on timing.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
