/**
 * One measured step, in a process of its own so its peak memory is that step's alone (the mock lives in the
 * parent). Reads its settings as JSON from argv[2]; prints `RESULT <json>` on stdout, progress on stderr.
 *
 * - `init`: creates the store (as `esim-reconcile init` does: a copy of the cached prepared store, made first by
 *   initdb in a child process when the cache is empty) and exits; its peak is reported beside the others.
 * - `bare`: the engine alone with the store's settings: PGlite opening the same folder and answering `select 1`
 *   (PostgreSQL: a pool answering `select 1`). The baseline the sync's peak is read against.
 * - `sync`: opens the store and runs a full eSIM Access sync; on PostgreSQL it drops the schema afterwards.
 */
import { PGlite } from '@electric-sql/pglite';
import { EsimAccessClient } from '@esim-sandbox/core';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openStore, type Store } from '../src/store/open.js';
import { pgliteStartParams } from '../src/store/pglite-settings.js';
import { profiles } from '../src/store/schema.js';
import { syncAccount } from '../src/sync/engine.js';

export interface WorkerSettings {
  mode: 'init' | 'bare' | 'sync';
  /** PGlite: the store's folder. */
  dataDir?: string;
  /** PostgreSQL (DATABASE_URL set): the store's schema. */
  schema?: string;
  url: string;
  accessCode: string;
  secretKey: string;
  /** The mock's frozen virtual time: requests are signed with it. */
  virtualNow: number;
  /** Requests per second, or null for no client-side limit. */
  limit: number | null;
  pageSize: number;
}

export interface WorkerResult {
  wallMs: number;
  requests: Record<string, number>;
  /** Kernel high-water mark of the process's resident memory. */
  peakRssBytes: number;
  /** Resident memory once the store was open, before the sync. */
  rssBeforeSyncBytes: number;
  /** Highest V8 heap use seen by sampling every 50 ms. */
  peakHeapUsedBytes: number;
  storedProfiles: number;
  findings: Record<string, number>;
  store: string;
}

function open(settings: WorkerSettings): Promise<Store> {
  return process.env.DATABASE_URL
    ? openStore({ schema: settings.schema })
    : openStore({ dataDir: settings.dataDir, env: {} });
}

async function bare(settings: WorkerSettings): Promise<void> {
  if (process.env.DATABASE_URL) {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
    await pool.query('select 1');
    await pool.end();
    return;
  }
  const client = await PGlite.create(settings.dataDir ?? 'memory://', { startParams: pgliteStartParams() });
  await client.query('select 1');
  await client.close();
}

async function sync(settings: WorkerSettings, peak: () => number) {
  const requests: Record<string, number> = {};
  const client = new EsimAccessClient({
    accessCode: settings.accessCode,
    secretKey: settings.secretKey,
    baseUrl: settings.url,
    now: () => settings.virtualNow,
    rateLimit: settings.limit === null ? false : { limit: settings.limit, windowMs: 1000 },
    fetch: (url, init) => {
      const path = new URL(String(url)).pathname.replace('/api/v1/open/', '');
      requests[path] = (requests[path] ?? 0) + 1;
      return fetch(url, init);
    },
  });
  const store = await open(settings);
  const rssBeforeSyncBytes = process.memoryUsage().rss;
  try {
    let lastReport = 0;
    const started = performance.now();
    const result = await syncAccount(
      store,
      { provider: 'esimaccess', accountId: 'esimaccess', client },
      {
        pageSize: settings.pageSize,
        onProgress: ({ stream, done, total }) => {
          if (performance.now() - lastReport < 10_000) return;
          lastReport = performance.now();
          process.stderr.write(`  ${stream}: ${done}${total === undefined ? '' : `/${total}`}\n`);
        },
      },
    );
    const wallMs = performance.now() - started;
    return {
      wallMs,
      requests,
      rssBeforeSyncBytes,
      peakHeapUsedBytes: peak(),
      storedProfiles: await store.db.$count(profiles),
      findings: result.findings,
      store: store.kind,
    };
  } finally {
    if (store.kind === 'postgres')
      await store.db.execute(sql`drop schema if exists ${sql.identifier(store.schema)} cascade`);
    await store.close();
  }
}

async function main(settings: WorkerSettings): Promise<WorkerResult> {
  let peakHeapUsedBytes = 0;
  const sample = () => {
    peakHeapUsedBytes = Math.max(peakHeapUsedBytes, process.memoryUsage().heapUsed);
    return peakHeapUsedBytes;
  };
  const sampler = setInterval(sample, 50);
  const empty = { wallMs: 0, requests: {}, rssBeforeSyncBytes: 0, storedProfiles: 0, findings: {} };
  try {
    let measured: Omit<WorkerResult, 'peakRssBytes' | 'peakHeapUsedBytes'> & { peakHeapUsedBytes?: number };
    if (settings.mode === 'sync') measured = await sync(settings, sample);
    else if (settings.mode === 'bare') {
      await bare(settings);
      measured = { ...empty, store: process.env.DATABASE_URL ? 'postgres' : 'pglite' };
    } else {
      const store = await open(settings);
      await store.close();
      measured = { ...empty, store: store.kind };
    }
    return {
      ...measured,
      peakHeapUsedBytes: sample(),
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
    };
  } finally {
    clearInterval(sampler);
  }
}

const settings = JSON.parse(process.argv[2] ?? '{}') as WorkerSettings;
main(settings).then(
  (result) => process.stdout.write(`RESULT ${JSON.stringify(result)}\n`),
  (error: unknown) => {
    process.stderr.write(
      `${settings.mode} failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
