/**
 * The public packages and where they live in this monorepo.
 * @module
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const EXAMPLE_DIR = fileURLToPath(new URL('../../../examples/reseller-app/', import.meta.url));
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** The pnpm every README command pins; it resolves `workspace:` and `catalog:` and applies publishConfig on pack. */
export const PNPM = ['--yes', 'pnpm@10.34.8'] as const;

export const PUBLIC_PACKAGES = [
  { name: '@esim-sandbox/core', dir: 'packages/core' },
  { name: '@esim-sandbox/emulator', dir: 'packages/emulator' },
  { name: '@esim-sandbox/esimaccess-mock', dir: 'packages/esimaccess-mock' },
  { name: '@esim-sandbox/iroamly-mock', dir: 'packages/iroamly-mock' },
  { name: '@esim-sandbox/reconciler', dir: 'packages/reconciler' },
  { name: '@esim-sandbox/contract', dir: 'packages/contract' },
  { name: '@esim-sandbox/playground', dir: 'apps/playground' },
  { name: 'esim-sandbox', dir: 'packages/cli' },
] as const;

export type PublicPackageName = (typeof PUBLIC_PACKAGES)[number]['name'];

/** The subset of package.json this test reads. */
export interface Manifest {
  name: string;
  version: string;
  license?: string;
  private?: boolean;
  engines?: Record<string, string>;
  exports?: Record<string, unknown>;
  bin?: Record<string, string>;
  files?: string[];
  publishConfig?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(`${dir}/package.json`, 'utf8')) as Manifest;
}

export function workspaceManifest(name: PublicPackageName): Manifest {
  const pkg = PUBLIC_PACKAGES.find((p) => p.name === name)!;
  return readManifest(`${REPO_ROOT}${pkg.dir}`);
}
