/**
 * @module
 * What `pnpm bench` builds for itself: single-file bundles (esbuild) of the fakes' CLIs and of the bare baseline
 * server, to measure start-up without the on-the-fly TypeScript loader. Written under bench-results/ (gitignored).
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** ESM bundles of CommonJS dependencies still call `require` for Node's built-ins. */
const REQUIRE_SHIM =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

export async function bundle(entry: string, outfile: string): Promise<string> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: REQUIRE_SHIM },
    logLevel: 'warning',
  });
  return outfile;
}

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
