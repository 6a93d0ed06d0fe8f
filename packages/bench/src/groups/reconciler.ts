/**
 * @module
 * Figure group 5: the reconciler's sync benchmark (its own `bench/sync.bench.ts`, run as a child with our sizes, its
 * JSON read back): a full eSIM Access sync against the fake over loopback HTTP, next to the floor the provider's
 * rate limit puts under it (requests / 8 per second), and the sync's peak memory at both sizes, each against the
 * bare engine (PGlite opening the same store with the same settings, answering `select 1`) measured in the same
 * run. The smaller size runs once per round (bare engine, then sync), its figures the medians of the rounds; the
 * larger one, whose sync alone takes tens of seconds at 8 requests/s, once. When TEST_DATABASE_URL or DATABASE_URL is
 * set, the larger size is synced again on PostgreSQL.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from '../support/build.js';
import { type Figure, figure, roundsFigure, unavailable } from '../support/figures.js';
import { summarise } from '../support/rounds.js';
import type { BenchSettings } from '../support/settings.js';
import { median } from '../support/stats.js';

const SYNC_NAME = 'reconciler: full eSIM Access sync over HTTP';
const RECONCILER = join(repoRoot, 'packages/reconciler');
const SCRIPT = join(RECONCILER, 'bench/sync.bench.ts');
const WALL_TARGET = 1.2;
/** "Flat" memory: the larger sync's peak within this factor of the smaller one's. */
const MEMORY_TARGET = 1.25;
/** The store's own cost: a sync's peak within this factor of the bare engine's. */
const ENGINE_TARGET = 1.2;
/** A bound on the whole child run, so the benchmark always ends. */
const TIMEOUT_MS = 20 * 60_000;

export interface SyncRow {
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
  if (!existsSync(SCRIPT)) {
    return [
      unavailable(5, SYNC_NAME, 's', 'packages/reconciler/bench/sync.bench.ts is not in this checkout'),
    ];
  }
  const out = join(repoRoot, 'bench-results/reconciler-sync.json');
  const [small, large] = settings.reconcilerSizes;
  let results: SyncRow[];
  try {
    // One child: the smaller size once per round (each row is its own seed, store, bare engine and sync), then the
    // larger size once.
    results = await runAndRead([...Array<number>(settings.rounds).fill(small), large], out, undefined, log);
  } catch (error) {
    return [unavailable(5, SYNC_NAME, 's', `its benchmark failed: ${(error as Error).message}`)];
  }
  return [...syncFigures(results, small), await postgresFigure(large, out, log)];
}

/**
 * The figures of the rows the benchmark wrote: the rows of size `small` are the rounds (in each, the bare engine was
 * measured just before the sync, in processes of their own), the one row of the larger size a single reading.
 */
export function syncFigures(results: readonly SyncRow[], small: number): Figure[] {
  const rounds = results.filter((row) => row.profiles === small);
  const [large] = results.filter((row) => row.profiles !== small);
  const [first] = rounds;
  if (!first) return [unavailable(5, SYNC_NAME, 's', `the benchmark wrote no row of ${small} profiles`)];
  const label = (row: SyncRow) => `${row.profiles.toLocaleString('en-US')} profiles`;
  const heap = `${median(rounds.map((row) => mib(row.peakHeapUsedBytes))).toFixed(0)} MB`;
  const figures: Figure[] = [];

  const walls = rounds.map((row) => row.wallMs / 1000);
  const floors = rounds.map((row) => row.rateLimitLowerBoundMs);
  const limited = floors.every((floor): floor is number => floor !== null);
  figures.push(
    withWallTarget(
      roundsFigure(
        {
          group: 5,
          name: `${SYNC_NAME}, ${label(first)} (${first.store})`,
          unit: 's',
          higherIsBetter: false,
          details: {
            'profiles/s': median(rounds.map((row) => row.profilesPerSecond)),
            stored: first.storedProfiles,
          },
        },
        limited
          ? summarise(
              walls,
              floors.map((floor) => floor / 1000),
            )
          : summarise(walls),
        limited ? `rate-limit floor, ${first.requests} requests at 8/s` : undefined,
      ),
    ),
  );
  if (large) figures.push(wallFigure(large));

  const smallPeak = summarise(rounds.map((row) => mib(row.peakRssBytes)));
  figures.push(
    roundsFigure(
      {
        group: 5,
        name: `reconciler: sync peak RSS, ${label(first)}`,
        unit: 'MB',
        higherIsBetter: false,
        details: { 'peak heap': heap },
      },
      smallPeak,
    ),
  );
  if (large) {
    figures.push(
      figure({
        group: 5,
        name: `reconciler: sync peak RSS, ${label(large)}`,
        value: mib(large.peakRssBytes),
        unit: 'MB',
        higherIsBetter: false,
        baseline: { name: `peak RSS at ${label(first)} (median)`, value: smallPeak.value },
        details: { 'peak heap': `${mib(large.peakHeapUsedBytes).toFixed(0)} MB` },
        target: {
          text: `flat: <= ${MEMORY_TARGET}x`,
          met: mib(large.peakRssBytes) <= MEMORY_TARGET * smallPeak.value,
        },
      }),
    );
  }

  figures.push(
    withEngineTarget(
      first.store,
      roundsFigure(
        {
          group: 5,
          name: engineName(first),
          unit: 'MB',
          higherIsBetter: false,
          details: { 'peak heap': heap },
        },
        summarise(
          rounds.map((row) => mib(row.peakRssBytes)),
          rounds.map((row) => mib(row.bareEngineRssBytes)),
        ),
        bareName(first),
      ),
    ),
  );
  if (large) figures.push(engineFigure(large));
  return figures;
}

function wallFigure(row: SyncRow): Figure {
  return withWallTarget(
    figure({
      group: 5,
      name: `${SYNC_NAME}, ${row.profiles.toLocaleString('en-US')} profiles (${row.store})`,
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
    }),
  );
}

function withWallTarget(f: Figure): Figure {
  if (f.ratio !== undefined) f.target = { text: `<= ${WALL_TARGET}x the floor`, met: f.ratio <= WALL_TARGET };
  return f;
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

const engineName = (row: SyncRow) =>
  `reconciler: sync peak RSS over the bare engine, ${row.profiles.toLocaleString('en-US')} profiles (${row.store})`;
const bareName = (row: SyncRow) =>
  `bare ${row.store === 'pglite' ? 'PGlite, same settings, select 1' : 'pg pool, select 1'}`;

function withEngineTarget(store: string, f: Figure): Figure {
  if (store === 'pglite' && f.ratio !== undefined)
    f.target = { text: `<= ${ENGINE_TARGET}x the bare engine`, met: f.ratio <= ENGINE_TARGET };
  return f;
}

/** The sync's peak RSS against the bare engine's, both in processes of their own: one reading. */
function engineFigure(row: SyncRow): Figure {
  return withEngineTarget(
    row.store,
    figure({
      group: 5,
      name: engineName(row),
      value: mib(row.peakRssBytes),
      unit: 'MB',
      higherIsBetter: false,
      baseline: { name: bareName(row), value: mib(row.bareEngineRssBytes) },
      details: { 'peak heap': `${mib(row.peakHeapUsedBytes).toFixed(0)} MB` },
    }),
  );
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
