import { defineConfig } from 'vitest/config';

// The same suite runs on embedded PGlite always, and again on a real PostgreSQL server when one is given
// (.ci/run starts Debian's postgresql on loopback and sets TEST_DATABASE_URL).
const postgresUrl = process.env.TEST_DATABASE_URL;
const include = ['test/**/*.test.ts'];

export default defineConfig({
  test: {
    // PGlite boots a WebAssembly Postgres per test file: a few seconds on a loaded machine.
    hookTimeout: 60_000,
    testTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'pglite', include } },
      ...(postgresUrl
        ? [
            {
              extends: true as const,
              test: { name: 'postgres', include, env: { DATABASE_URL: postgresUrl } },
            },
          ]
        : []),
    ],
  },
});
