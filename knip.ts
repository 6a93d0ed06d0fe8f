import type { KnipConfig } from 'knip';
import { extractBlocks } from './packages/docs-test/src/blocks.ts';

/**
 * READMEs are entry files: the code in their fenced blocks is the documented API (docs-test runs it), so an
 * export used only there is still used. The compiler hands knip just those blocks.
 */
const readmeCode = (text: string): string =>
  extractBlocks('README.md', text)
    .filter((b) => ['ts', 'typescript', 'js', 'javascript', 'mjs'].includes(b.lang))
    .map((b) => b.code)
    .join('\n');

/** Published packages: every name their entry files export needs a user in the repo or a README. */
const library = { entry: ['README.md'], includeEntryExports: true };

const config: KnipConfig = {
  compilers: { md: readmeCode },
  // An export also used in its own file is a deliberate part of that module's surface, not dead code.
  ignoreExportsUsedInFile: true,
  workspaces: {
    '.': { entry: ['README.md'] },
    'packages/*': library,
    // The README blocks docs-test typechecks import these; docs-test itself does not.
    'packages/docs-test': {
      entry: ['README.md'],
      ignoreDependencies: [
        '@esim-sandbox/contract',
        '@esim-sandbox/core',
        '@esim-sandbox/emulator',
        '@esim-sandbox/reconciler',
        'esim-sandbox',
        'hono',
        'msw',
      ],
    },
    // The consumer fixtures run against the packed tarballs, as a user's code would.
    // Its workspace devDependencies are what it packs (by folder) and installs from tarballs: built first by turbo.
    'packages/packaging-test': {
      entry: ['README.md', 'fixtures/consumer/*.{ts,mjs}'],
      ignoreDependencies: ['@esim-sandbox/contract', '@esim-sandbox/playground', 'esim-sandbox'],
    },
    // `pnpm bench` runs @esim-sandbox/emulator's scripts/bundle-bin.mjs, which imports esbuild.
    'packages/bench': { entry: ['README.md'], ignoreDependencies: ['esbuild'] },
    // Published like the packages; `pnpm start` runs src/main.ts (through exec), the browser loads app.js.
    'apps/playground': { ...library, entry: ['README.md', 'src/main.ts', 'src/dashboard/assets/app.js'] },
    // Not a pnpm workspace (packaging-test installs it from the tarballs), but its imports count.
    // Its fixtures are the command its chaos runner test hands `esim-sandbox chaos` (named there as paths).
    'examples/reseller-app': {
      entry: ['README.md', 'test/fixtures/*.fixture.ts', 'test/fixtures/vitest.config.ts'],
      // The example sits outside the workspace (packaging-test installs it from tarballs), so in a fresh clone knip
      // has no installed `esim-sandbox` to map its `chaos` script's binary to: the script is its one user.
      ignoreBinaries: ['esim-sandbox'],
      ignoreDependencies: ['esim-sandbox'],
    },
  },
};

export default config;
