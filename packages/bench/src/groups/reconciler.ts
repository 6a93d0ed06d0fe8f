/**
 * @module
 * Figure group 5: the reconciler's sync benchmark (its own `bench/sync.bench.ts`, run as a child with our sizes, its
 * JSON read back): a full eSIM Access sync against the fake over loopback HTTP, next to the floor the provider's
 * rate limit puts under it (requests / 8 per second), and the sync's peak memory at both sizes, each against the
 * bare engine (PGlite opening the same store with the same settings, answering `select 1`) measured in the same
 * run. When TEST_DATABASE_URL or DATABASE_URL is set, the larger size is synced again on PostgreSQL.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from '../support/build.js';
import { type Figure, figure, unavailable } from '../support/figures.js';
import type { BenchSettings } from '../support/settings.js';

const RECONCILER = join(repoRoot, 'packages/reconciler');
const SCRIPT = join(RECONCILER, 'bench/sync.bench.ts');
const WALL_TARGET = 1.2;
/** "Flat" memory: the larger sync's peak within this factor of the smaller one's. */
const MEMORY_TARGET = 1.25;
/** The store's own cost: a sync's peak within this factor of the bare engine's. */
const ENGINE_TARGET = 1.2;
/** A bound on the whole child run, so the benchmark always ends. */
const TIMEOUT_MS = 20 * 60_000;

interface SyncRow {
  profiles: number;
  wallMs: number;
  requests: number;
  rateLimitLowerBoundMs: number | null;
  profilesPerSecond: number;
  peakRssBytes: number;
  bareEngineRssBytes: number;
  peakHeapUsedBytes: number;
  storedProfiles: number;
  store: string;
}

/** `databaseUrl` undefined: PGlite (DATABASE_URL is removed from the child's environment). */
function runScript(
  sizes: readonly number[],
  out: string,
  databaseUrl: string | undefined,
  log: (line: string) => void,
): Promise<void> {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', SCRIPT, '--sizes', sizes.join(','), '--out', out],
      {
        cwd: RECONCILER,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: databaseUrl === undefined ? env : { ...env, DATABASE_URL: databaseUrl },
      },
    );
    const timer = setTimeout(() => child.kill('SIGTERM'), TIMEOUT_MS);
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      for (const line of chunk.toString().split('\n')) if (line.trim()) log(`reconciler: ${line.trim()}`);
    });
    child.stdout.resume();
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`exited with ${signal ?? code}: ${err.trim().split('\n').at(-1) ?? ''}`));
    });
  });
}

const mib = (bytes: number) => bytes / 2 ** 20;

export async function reconcilerFigures(
  settings: BenchSettings,
  log: (line: string) => void,
): Promise<Figure[]> {
  const name = 'reconciler: full eSIM Access sync over HTTP';
  if (!existsSync(SCRIPT)) {
    return [unavailable(5, name, 's', 'packages/reconciler/bench/sync.bench.ts is not in this checkout')];
  }
  const out = join(repoRoot, 'bench-results/reconciler-sync.json');
  let results: SyncRow[];
  try {
    results = await runAndRead(settings.reconcilerSizes, out, undefined, log);
  } catch (error) {
    return [unavailable(5, name, 's', `its benchmark failed: ${(error as Error).message}`)];
  }
  const figures: Figure[] = [];
  for (const row of results) {
    const label = `${row.profiles.toLocaleString('en-US')} profiles`;
    const f = figure({
      group: 5,
      name: `${name}, ${label} (${row.store})`,
      value: row.wallMs / 1000,
      unit: 's',
      higherIsBetter: false,
      ...(row.rateLimitLowerBoundMs === null
        ? {}
        : {
            baseline: {
              name: `rate-limit floor, ${row.requests} requests at 8/s`,
              value: row.rateLimitLowerBoundMs / 1000,
            },
          }),
      details: { 'profiles/s': row.profilesPerSecond, stored: row.storedProfiles },
    });
    if (f.ratio !== undefined)
      f.target = { text: `<= ${WALL_TARGET}x the floor`, met: f.ratio <= WALL_TARGET };
    figures.push(f);
  }
  const [small, large] = results;
  if (small && large) {
    for (const row of results) {
      figures.push(
        figure({
          group: 5,
          name: `reconciler: sync peak RSS, ${row.profiles.toLocaleString('en-US')} profiles`,
          value: mib(row.peakRssBytes),
          unit: 'MB',
          higherIsBetter: false,
          baseline: {
            name: `peak RSS at ${small.profiles.toLocaleString('en-US')} profiles`,
            value: mib(small.peakRssBytes),
          },
          details: { 'peak heap': `${mib(row.peakHeapUsedBytes).toFixed(0)} MB` },
          ...(row === large
            ? {
                target: {
                  text: `flat: <= ${MEMORY_TARGET}x`,
                  met: row.peakRssBytes <= MEMORY_TARGET * small.peakRssBytes,
                },
              }
            : {}),
        }),
      );
    }
  }
  for (const row of results) figures.push(engineFigure(row));
  figures.push(await postgresFigure(settings.reconcilerSizes[1], out, log));
  return figures;
}

async function runAndRead(
  sizes: readonly number[],
  out: string,
  databaseUrl: string | undefined,
  log: (line: string) => void,
): Promise<SyncRow[]> {
  await runScript(sizes, out, databaseUrl, log);
  const { results } = JSON.parse(await readFile(out, 'utf8')) as { results: SyncRow[] };
  await rm(out, { force: true });
  return results;
}

/** The sync's peak RSS against the bare engine's, both in processes of their own. */
function engineFigure(row: SyncRow): Figure {
  const f = figure({
    group: 5,
    name: `reconciler: sync peak RSS over the bare engine, ${row.profiles.toLocaleString('en-US')} profiles (${row.store})`,
    value: mib(row.peakRssBytes),
    unit: 'MB',
    higherIsBetter: false,
    baseline: {
      name: `bare ${row.store === 'pglite' ? 'PGlite, same settings, select 1' : 'pg pool, select 1'}`,
      value: mib(row.bareEngineRssBytes),
    },
    details: { 'peak heap': `${mib(row.peakHeapUsedBytes).toFixed(0)} MB` },
  });
  if (row.store === 'pglite' && f.ratio !== undefined)
    f.target = { text: `<= ${ENGINE_TARGET}x the bare engine`, met: f.ratio <= ENGINE_TARGET };
  return f;
}

async function postgresFigure(size: number, out: string, log: (line: string) => void): Promise<Figure> {
  const name = `reconciler: sync peak RSS over the bare engine, ${size.toLocaleString('en-US')} profiles (postgres)`;
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) return unavailable(5, name, 'MB', 'no PostgreSQL: set TEST_DATABASE_URL or DATABASE_URL');
  try {
    const [row] = await runAndRead([size], out, url, log);
    return row ? engineFigure(row) : unavailable(5, name, 'MB', 'the benchmark wrote no row');
  } catch (error) {
    return unavailable(5, name, 'MB', `its benchmark failed: ${(error as Error).message}`);
  }
}
