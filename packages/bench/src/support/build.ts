/**
 * @module
 * What `pnpm bench` builds for itself: the fakes, with their own build scripts (what `pnpm pack` runs), whose
 * `dist/bin.js` is the file npm's bin link runs; and the bare baseline server, bundled by the same script
 * that bundles those bins (@esim-sandbox/emulator's `scripts/bundle-bin.mjs`), so baseline and fakes start
 * alike: one file, plain node. The baseline is written under bench-results/ (gitignored).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** A workspace package's directory (its `exports` point into its src/). */
function packageDir(name: string): string {
  return fileURLToPath(new URL('../', import.meta.resolve(name)));
}

export async function bundle(entry: string, outfile: string): Promise<string> {
  const script = join(packageDir('@esim-sandbox/emulator'), 'scripts/bundle-bin.mjs');
  await exec(process.execPath, [script, entry, outfile]);
  return outfile;
}

/** Runs the packages' `build` scripts with the pnpm every README command pins. */
export async function buildPackages(names: readonly string[]): Promise<void> {
  const filters = names.flatMap((name) => ['--filter', name]);
  await exec('npx', ['--yes', 'pnpm@10.34.8', ...filters, 'run', 'build'], { cwd: repoRoot });
}

/** The file the packed package's bin `bin` runs (its `publishConfig.bin`, which `pnpm pack` publishes). */
export function packedBin(pkg: string, bin: string): string {
  const dir = packageDir(pkg);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    publishConfig?: { bin?: Record<string, string> };
  };
  const target = manifest.publishConfig?.bin?.[bin];
  if (!target) throw new Error(`${pkg} publishes no bin named ${bin}`);
  return join(dir, target);
}

/** The TypeScript entry `pnpm start` runs in the workspace (`node --import tsx src/bin.ts`). */
export function sourceBin(pkg: string): string {
  return join(packageDir(pkg), 'src/bin.ts');
}
