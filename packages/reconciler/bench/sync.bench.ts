/**
 * `pnpm bench`: how long a full eSIM Access sync of N profiles takes against the mock over loopback HTTP, next to
 * the floor the provider's rate limit puts under it (the requests a sync needs / limit per second), and the sync's
 * peak memory.
 *
 *   pnpm bench [--sizes 10000,100000] [--limit 8|off] [--page-size 100] [--out FILE] [--cpu-prof DIR]
 *
 * Each size gets a fresh mock (seeded in this process through core's client, see seed.ts) and a fresh store, created
 * first in a child process of its own (as `esim-reconcile init` does); then a bare engine (PGlite opening that
 * folder with the store's settings and answering `select 1`) is measured in another child as the memory baseline,
 * and the sync runs in a third, so each peak is measured alone. DATABASE_URL set: PostgreSQL (a throwaway schema),
 * else PGlite in a temporary data folder. Results are printed and written as JSON under bench-results/.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ESIM_ACCESS_MAX_USAGE_QUERY } from '@esim-sandbox/core';
import { startServer } from '@esim-sandbox/emulator';
import { seedMock } from './seed.js';
import type { WorkerResult, WorkerSettings } from './sync-worker.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const PACKAGE = dirname(HERE);

function usage(message: string): never {
  process.stderr.write(
    `${message}\nusage: pnpm bench [--sizes 10000,100000] [--limit 8|off] [--page-size 100] [--out FILE] [--cpu-prof DIR]\n`,
  );
  process.exit(2);
}

function readFlags() {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: {
      sizes: { type: 'string', default: '10000,100000' },
      limit: { type: 'string', default: '8' },
      'page-size': { type: 'string', default: '100' },
      out: { type: 'string' },
      /** Writes a V8 CPU profile of each sync worker into DIR (open it in Chrome DevTools or speedscope). */
      'cpu-prof': { type: 'string' },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) usage('--sizes: whole numbers, comma-separated');
  const limit = values.limit === 'off' ? null : Number(values.limit);
  if (limit !== null && !(limit > 0)) usage('--limit: requests per second, or off');
  const pageSize = Number(values['page-size']);
  if (!Number.isInteger(pageSize) || pageSize < 5 || pageSize > 500) usage('--page-size: 5 to 500');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return {
    sizes,
    limit,
    pageSize,
    cpuProfDir: values['cpu-prof'],
    out: values.out ?? join(PACKAGE, 'bench-results', `sync-${stamp}.json`),
  };
}

function runWorker(settings: WorkerSettings, cpuProfDir: string | undefined): Promise<WorkerResult> {
  const profiling =
    cpuProfDir === undefined || settings.mode !== 'sync' ? [] : ['--cpu-prof', '--cpu-prof-dir', cpuProfDir];
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...profiling, '--import', 'tsx', join(HERE, 'sync-worker.ts'), JSON.stringify(settings)],
      {
        cwd: PACKAGE,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
      if (code === 0 && line) resolve(JSON.parse(line.slice('RESULT '.length)) as WorkerResult);
      else reject(new Error(`the sync worker exited with code ${code}`));
    });
  });
}

/**
 * What a full sync cannot do without, whatever its implementation: every listing page, a usage query per 10
 * profiles that may have used data (only activated ones can: the rest have no usage to read), and the balance.
 * The floor is this over the limit, so a sync that asks more than it must shows above it.
 */
function requestsNeeded(profiles: number, activated: number, pageSize: number): Record<string, number> {
  return {
    'esim/query': Math.ceil(profiles / pageSize),
    'esim/usage/query': Math.ceil(activated / ESIM_ACCESS_MAX_USAGE_QUERY),
    'balance/query': 1,
  };
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function measure(size: number, limit: number | null, pageSize: number, cpuProfDir?: string) {
  process.stderr.write(`seeding ${size} profiles...\n`);
  const seedStarted = performance.now();
  const seeded = await seedMock(size, `bench-${size}`);
  const seedMs = performance.now() - seedStarted;
  const server = await startServer({ emulator: seeded.mock.emulator });
  // The machine may be shared: the 1-minute load average around the sync says how much.
  const loadBefore = loadavg()[0] ?? 0;
  const dataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'reconciler-bench-'));
  const schema = process.env.DATABASE_URL ? `bench_${randomBytes(4).toString('hex')}` : undefined;
  try {
    const base = {
      ...(dataDir === undefined ? { schema } : { dataDir }),
      url: server.url,
      accessCode: seeded.mock.accessCode,
      secretKey: seeded.mock.secretKey,
      virtualNow: seeded.virtualNow,
      limit,
      pageSize,
    };
    const init = await runWorker({ ...base, mode: 'init' }, cpuProfDir);
    const bare = await runWorker({ ...base, mode: 'bare' }, cpuProfDir);
    process.stderr.write(`syncing ${size} profiles (limit ${limit ?? 'off'} req/s)...\n`);
    const result = await runWorker({ ...base, mode: 'sync' }, cpuProfDir);
    const requests = Object.values(result.requests).reduce((sum, n) => sum + n, 0);
    const needed = requestsNeeded(size, seeded.activated, pageSize);
    const neededTotal = Object.values(needed).reduce((sum, n) => sum + n, 0);
    const lowerBoundMs = limit === null ? null : (neededTotal / limit) * 1000;
    return {
      profiles: size,
      seeded: {
        ms: Math.round(seedMs),
        orders: seeded.orders,
        installed: seeded.installed,
        used: seeded.used,
        activated: seeded.activated,
      },
      wallMs: Math.round(result.wallMs),
      requests,
      requestsByEndpoint: result.requests,
      requestsNeeded: neededTotal,
      requestsNeededByEndpoint: needed,
      rateLimitLowerBoundMs: lowerBoundMs === null ? null : Math.round(lowerBoundMs),
      wallOverLowerBound: lowerBoundMs === null ? null : Number((result.wallMs / lowerBoundMs).toFixed(3)),
      profilesPerSecond: Math.round(size / (result.wallMs / 1000)),
      peakRssBytes: result.peakRssBytes,
      /** The engine alone with the store's settings, in its own process: the sync's memory baseline. */
      bareEngineRssBytes: bare.peakRssBytes,
      rssBeforeSyncBytes: result.rssBeforeSyncBytes,
      /** Creating the store, in its own process (a child making the prepared store on an empty cache not included). */
      initRssBytes: init.peakRssBytes,
      peakHeapUsedBytes: result.peakHeapUsedBytes,
      storedProfiles: result.storedProfiles,
      findings: result.findings,
      store: result.store,
      loadAverage: { before: loadBefore, after: loadavg()[0] ?? 0 },
    };
  } finally {
    await server.close();
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  }
}

const flags = readFlags();
const machine = {
  cores: availableParallelism(),
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryBytes: totalmem(),
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
};
const results = [];
for (const size of flags.sizes) {
  const row = await measure(size, flags.limit, flags.pageSize, flags.cpuProfDir);
  if (row.storedProfiles !== size)
    throw new Error(`the store holds ${row.storedProfiles} profiles, not ${size}`);
  results.push(row);
  const line = [
    `${size} profiles`,
    `wall ${seconds(row.wallMs)}`,
    `${row.requests} requests (${row.requestsNeeded} needed)`,
    row.rateLimitLowerBoundMs === null
      ? 'no rate limit'
      : `limit floor ${seconds(row.rateLimitLowerBoundMs)} (x${row.wallOverLowerBound})`,
    `${row.profilesPerSecond} profiles/s`,
    `peak RSS ${mib(row.peakRssBytes)} (${mib(row.rssBeforeSyncBytes)} with the store open, before syncing; bare ${row.store} ${mib(row.bareEngineRssBytes)}; creating the store ${mib(row.initRssBytes)})`,
    `peak heap ${mib(row.peakHeapUsedBytes)}`,
    `store ${row.store}`,
    `load ${row.loadAverage.before.toFixed(1)} -> ${row.loadAverage.after.toFixed(1)}`,
  ].join(' | ');
  process.stdout.write(`${line}\n`);
}
mkdirSync(dirname(flags.out), { recursive: true });
writeFileSync(
  flags.out,
  `${JSON.stringify({ at: new Date().toISOString(), machine, settings: { limit: flags.limit, pageSize: flags.pageSize }, results }, null, 2)}\n`,
);
process.stdout.write(
  `machine: ${machine.cores} cores, ${machine.cpu}, node ${machine.node}\nwritten: ${flags.out}\n`,
);
