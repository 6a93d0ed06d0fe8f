/**
 * The packaging steps: pack every public package with pnpm (prepack builds it), then install the tarballs with npm
 * into empty temporary projects, as a user of the published packages would.
 * @module
 */
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { run } from './exec.js';
import {
  EXAMPLE_DIR,
  FIXTURES_DIR,
  PNPM,
  PUBLIC_PACKAGES,
  type PublicPackageName,
  REPO_ROOT,
  readManifest,
  workspaceManifest,
} from './workspace.js';

export const NPM_INSTALL = ['install', '--no-audit', '--no-fund', '--prefer-offline'] as const;

export interface PreparedConsumers {
  /** The temporary directory holding everything below. */
  root: string;
  /** Tarball path per package. */
  tarballs: ReadonlyMap<PublicPackageName, string>;
  /** An empty project with every tarball, TypeScript and @types/node installed, and the consumer fixtures. */
  consumerDir: string;
  /** A copy of examples/reseller-app with the tarballs it depends on installed. */
  appDir: string;
  /** Seconds per step, for the report. */
  timings: Record<string, number>;
  cleanup(): void;
}

async function timed<T>(timings: Record<string, number>, step: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await fn();
  } finally {
    timings[step] = Math.round((performance.now() - started) / 100) / 10;
  }
}

export function tarballName(name: string, version: string): string {
  return `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;
}

/** `pnpm pack` of every public package into `dest`; each package's prepack script builds it first. */
export async function packPublicPackages(dest: string): Promise<Map<PublicPackageName, string>> {
  // By folder: the workspace root is also named esim-sandbox (private), like the CLI package.
  const filters = PUBLIC_PACKAGES.flatMap((p) => ['--filter', `./${p.dir}`]);
  await run('npx', [...PNPM, '-r', ...filters, 'pack', '--pack-destination', dest], { cwd: REPO_ROOT });
  const tarballs = new Map<PublicPackageName, string>();
  for (const { name } of PUBLIC_PACKAGES) {
    const path = join(dest, tarballName(name, workspaceManifest(name).version));
    if (!existsSync(path)) throw new Error(`pnpm pack wrote no ${basename(path)} into ${dest}`);
    tarballs.set(name, path);
  }
  return tarballs;
}

/** The example's own @esim-sandbox dependencies plus theirs: the tarballs npm must be handed. */
export function exampleTarballs(tarballs: ReadonlyMap<PublicPackageName, string>): string[] {
  const example = readManifest(EXAMPLE_DIR);
  const wanted = new Set<PublicPackageName>();
  const visit = (name: string) => {
    const known = PUBLIC_PACKAGES.find((p) => p.name === name);
    if (!known || wanted.has(known.name)) return;
    wanted.add(known.name);
    for (const dep of Object.keys(workspaceManifest(known.name).dependencies ?? {})) visit(dep);
  };
  for (const dep of Object.keys({ ...example.dependencies, ...example.devDependencies })) visit(dep);
  return [...wanted].map((name) => tarballs.get(name)!);
}

export async function prepareConsumers(): Promise<PreparedConsumers> {
  const timings: Record<string, number> = {};
  const root = mkdtempSync(join(tmpdir(), 'esim-sandbox-packaging-'));
  const cleanup = () => rmSync(root, { recursive: true, force: true });
  try {
    const tarballs = await timed(timings, 'pack', () => packPublicPackages(join(root, 'tarballs')));

    const consumerDir = join(root, 'consumer');
    cpSync(join(FIXTURES_DIR, 'consumer'), consumerDir, { recursive: true });
    writeFileSync(
      join(consumerDir, 'package.json'),
      `${JSON.stringify({ name: 'esim-sandbox-consumer', private: true, type: 'module' }, null, 2)}\n`,
    );
    const tools = readManifest(REPO_ROOT).devDependencies ?? {};

    const appDir = join(root, 'reseller-app');
    cpSync(EXAMPLE_DIR, appDir, {
      recursive: true,
      filter: (src) => !['node_modules', 'dist', 'package-lock.json'].includes(basename(src)),
    });

    await Promise.all([
      timed(timings, 'npm install (consumer)', () =>
        run(
          'npm',
          [
            ...NPM_INSTALL,
            ...tarballs.values(),
            `typescript@${tools.typescript}`,
            `@types/node@${tools['@types/node']}`,
          ],
          { cwd: consumerDir },
        ),
      ),
      timed(timings, 'npm install (reseller-app)', () =>
        run('npm', [...NPM_INSTALL, ...exampleTarballs(tarballs)], { cwd: appDir }),
      ),
    ]);
    return { root, tarballs, consumerDir, appDir, timings, cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}
