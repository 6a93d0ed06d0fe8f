/**
 * `esim-reconcile` in child processes against a fake served on loopback: for SIGKILL and multi-process tests.
 * A "place" is a fresh store for the children: a PGlite folder, or a PostgreSQL schema when DATABASE_URL is set.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/open.js';
import { ACCESS_CODE, type FakeEsimAccess, SECRET_KEY } from './fake-esimaccess.js';
import { serveEsimAccess } from './http-fakes.js';
import { scenarioHistory } from './scenario.js';
import { snapshot } from './snapshot.js';
import { dropTestStore, uniqueSchemaName, usingPostgres } from './store.js';

export const BIN = new URL('../../bin/esim-reconcile.js', import.meta.url).pathname;
const dirs: string[] = [];
/** PGlite: the scenario's history written once per process into this folder; each place is a copy of it. */
let preparedFolder: string | undefined;

export interface Place {
  args: string[];
  /** PGlite only. */
  dataDir?: string;
  open(): Promise<Store>;
}

export function newPlace(): Place {
  if (usingPostgres) {
    const schema = uniqueSchemaName();
    return { args: ['--schema', schema], open: () => openStore({ schema }) };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'reconciler-proc-'));
  dirs.push(dataDir);
  return { args: ['--data-dir', dataDir], dataDir, open: () => openStore({ dataDir, env: {} }) };
}

export function removePlaces(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  preparedFolder = undefined;
}

/** A place holding the scenario's app history. */
export async function prepared(): Promise<Place> {
  const place = newPlace();
  if (usingPostgres) {
    await writeHistory(place);
    return place;
  }
  if (preparedFolder === undefined) {
    const original = newPlace();
    await writeHistory(original);
    preparedFolder = original.dataDir;
  }
  cpSync(preparedFolder!, place.dataDir!, { recursive: true });
  return place;
}

async function writeHistory(place: Place): Promise<void> {
  const store = await place.open();
  await scenarioHistory(store);
  await store.close();
}

export interface Exit {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

export function runSync(
  place: Place,
  url: string,
  extra: { args?: string[]; env?: Record<string, string> } = {},
): { child: ChildProcess; exit: Promise<Exit> } {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    ESIMACCESS_ACCESS_CODE: ACCESS_CODE,
    ESIMACCESS_SECRET_KEY: SECRET_KEY,
    ESIMACCESS_BASE_URL: url,
    ...extra.env,
  };
  if (process.env.DATABASE_URL) env.DATABASE_URL = process.env.DATABASE_URL;
  const args = [BIN, 'sync', '--once', '--page-size', '5', ...place.args, ...(extra.args ?? [])];
  const child = spawn(process.execPath, args, { env });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exit = new Promise<Exit>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, exit };
}

export async function withProvider<T>(fake: FakeEsimAccess, body: (url: string) => Promise<T>): Promise<T> {
  const served = await serveEsimAccess(fake);
  try {
    return await body(served.url);
  } finally {
    await served.close();
  }
}

/** The place's domain state; a PostgreSQL schema is dropped afterwards. */
export async function endState(place: Place) {
  const store = await place.open();
  try {
    return await snapshot(store);
  } finally {
    await (usingPostgres ? dropTestStore(store) : store.close());
  }
}
