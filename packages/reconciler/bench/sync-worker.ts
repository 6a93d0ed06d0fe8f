/**
 * One measured sync, in a process of its own so its peak memory is the sync's alone (the mock lives in the
 * parent). Reads its settings as JSON from argv[2]; prints `RESULT <json>` on stdout, progress on stderr.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EsimAccessClient } from '@esim-sandbox/core';
import { sql } from 'drizzle-orm';
import { openStore, type Store } from '../src/store/open.js';
import { profiles } from '../src/store/schema.js';
import { syncAccount } from '../src/sync/engine.js';

export interface WorkerSettings {
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
  /** Resident memory once the store was open, before the sync: PGlite's WebAssembly Postgres alone is most of it. */
  rssBeforeSyncBytes: number;
  /** Highest V8 heap use seen by sampling every 50 ms. */
  peakHeapUsedBytes: number;
  storedProfiles: number;
  findings: Record<string, number>;
  store: string;
}

async function openBenchStore(): Promise<{ store: Store; dispose(): Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    const store = await openStore({ schema });
    return {
      store,
      async dispose() {
        await store.db.execute(sql`drop schema if exists ${sql.identifier(schema)} cascade`);
        await store.close();
      },
    };
  }
  // A data folder, as the CLI uses by default.
  const dataDir = mkdtempSync(join(tmpdir(), 'reconciler-bench-'));
  const store = await openStore({ dataDir, env: {} });
  return {
    store,
    async dispose() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function main(settings: WorkerSettings): Promise<WorkerResult> {
  let peakHeapUsedBytes = 0;
  const sample = () => {
    peakHeapUsedBytes = Math.max(peakHeapUsedBytes, process.memoryUsage().heapUsed);
  };
  const sampler = setInterval(sample, 50);
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
  const { store, dispose } = await openBenchStore();
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
    sample();
    return {
      wallMs,
      requests,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      rssBeforeSyncBytes,
      peakHeapUsedBytes,
      storedProfiles: await store.db.$count(profiles),
      findings: result.findings,
      store: store.kind,
    };
  } finally {
    clearInterval(sampler);
    await dispose();
  }
}

const settings = JSON.parse(process.argv[2] ?? '{}') as WorkerSettings;
main(settings).then(
  (result) => process.stdout.write(`RESULT ${JSON.stringify(result)}\n`),
  (error: unknown) => {
    process.stderr.write(`sync failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
