/**
 * A new PGlite store is a copy of a prepared data folder, never PGlite's own initdb in this process. PGlite runs
 * initdb in a second, temporary WebAssembly Postgres whose memory stays resident until V8 collects it: creating a
 * store in-process peaked at about 850 MiB against about 250 MiB for opening an existing one. Here initdb runs once
 * per PGlite version and migration set, in a short-lived child process (its memory goes back to the OS when it
 * exits) that also applies the migrations, into a cache folder; every store created afterwards is a file copy of it.
 * @module
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { StoreUnavailableError } from '../errors.js';

/** PostgreSQL writes this file in every data folder it initialises; copied last, so its presence means complete. */
export const STORE_MARKER = 'PG_VERSION';

/** The environment variable naming the folder prepared data folders are cached in. */
export const TEMPLATE_CACHE_ENV = 'ESIM_RECONCILE_CACHE_DIR';

const require = createRequire(import.meta.url);
const ENTRIES = [
  require.resolve('@electric-sql/pglite'),
  require.resolve('drizzle-orm/pglite'),
  require.resolve('drizzle-orm/pglite/migrator'),
];

/** The data folder's format is PGlite's, its tables the migrations': one template per pair. */
function templateName(migrationsFolder: string): string {
  const manifest = join(dirname(dirname(ENTRIES[0] ?? '')), 'package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  const hash = createHash('sha256');
  for (const file of [
    'meta/_journal.json',
    ...readdirSync(migrationsFolder).filter((f) => f.endsWith('.sql')),
  ])
    hash.update(`${file}\0`).update(readFileSync(join(migrationsFolder, file)));
  return `pglite-${version}-${hash.digest('hex').slice(0, 12)}`;
}

/** `ESIM_RECONCILE_CACHE_DIR`, else `$XDG_CACHE_HOME/esim-reconcile`, else `~/.cache/esim-reconcile`. */
export function defaultTemplateCache(env: Record<string, string | undefined>): string {
  const fromEnv = env[TEMPLATE_CACHE_ENV];
  if (fromEnv) return fromEnv;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'esim-reconcile');
}

// CommonJS, so it runs with plain node whatever loader the parent uses (tsx, vitest, the built dist).
const INITDB_CHILD = `
const [pglite, drizzle, migrator, dir, params, migrationsFolder] = process.argv.slice(1);
const { PGlite } = require(pglite);
(async () => {
  const client = await PGlite.create(dir, { startParams: JSON.parse(params) });
  await require(migrator).migrate(require(drizzle).drizzle({ client }), { migrationsFolder });
  await client.close();
})().catch((error) => { process.stderr.write(String((error && error.message) || error)); process.exitCode = 1; });
`;

/** Runs PGlite's initdb and the migrations into `dir` in a child process. */
function initdbInChild(dir: string, startParams: readonly string[], migrationsFolder: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-e', INITDB_CHILD, ...ENTRIES, dir, JSON.stringify(startParams), migrationsFolder],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0 && existsSync(join(dir, STORE_MARKER))) resolve();
      else
        reject(new Error(`initdb in a child process failed (${signal ?? `exit ${code}`}): ${stderr.trim()}`));
    });
  });
}

/** The cached template's folder, made first if missing; undefined when the cache folder cannot be written. */
async function cachedTemplate(
  cacheDir: string,
  startParams: readonly string[],
  migrationsFolder: string,
): Promise<string | undefined> {
  const template = join(cacheDir, templateName(migrationsFolder));
  if (existsSync(join(template, STORE_MARKER))) return template;
  const building = `${template}.${process.pid}-${Date.now()}`;
  try {
    mkdirSync(building, { recursive: true });
  } catch {
    return undefined;
  }
  try {
    await initdbInChild(building, startParams, migrationsFolder);
    try {
      renameSync(building, template);
    } catch (error) {
      // Another process finished the same template first: use theirs.
      if (!existsSync(join(template, STORE_MARKER))) throw error;
    }
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
  return template;
}

/**
 * Makes `dataDir` (which holds no store yet) a fresh PGlite data folder: a copy of the cached template, or, when
 * no cache folder can be written (`cacheDir` false, or a read-only home), initdb in a child process straight into it.
 */
export async function prepareDataDir(
  dataDir: string,
  startParams: readonly string[],
  cacheDir: string | false,
  migrationsFolder: string,
): Promise<void> {
  try {
    const template =
      cacheDir === false ? undefined : await cachedTemplate(cacheDir, startParams, migrationsFolder);
    if (template === undefined) {
      await initdbInChild(dataDir, startParams, migrationsFolder);
      return;
    }
    const marker = join(template, STORE_MARKER);
    cpSync(template, dataDir, { recursive: true, filter: (source) => source !== marker });
    copyFileSync(marker, join(dataDir, STORE_MARKER));
  } catch (error) {
    throw new StoreUnavailableError(`cannot create a store in ${dataDir}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
