/**
 * Opens the store: embedded PGlite (in memory, or a folder on disk) by default, PostgreSQL when DATABASE_URL
 * (or `url`) is set. Both run the same drizzle-kit migrations from `migrations/` before the store is returned.
 * @module
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { StoreUnavailableError } from '../errors.js';
import { lockDataDir } from './data-dir-lock.js';
import { checkSchemaName, parseDatabaseUrl } from './database-url.js';
import { AdvisoryLocks, InProcessLocks, type LockManager, lockKey } from './locks.js';
import { PGLITE_SETTINGS_ENV, parsePgliteSettings, pgliteStartParams } from './pglite-settings.js';
import { defaultTemplateCache, prepareDataDir, STORE_MARKER } from './pglite-template.js';
import * as schema from './schema.js';

export type StoreSchema = typeof schema;
/** The drizzle database both engines give; also the type of a transaction handle. */
export type Db = PgDatabase<PgQueryResultHKT, StoreSchema>;

export interface StoreOptions {
  /** PostgreSQL URL. Default: `env.DATABASE_URL`; when neither is set, PGlite is used. */
  url?: string | undefined;
  /** PGlite data folder (created if missing). Without it, PGlite keeps everything in memory. */
  dataDir?: string | undefined;
  /** PostgreSQL schema holding the tables (created if missing). Default `public`. Ignored by PGlite. */
  schema?: string | undefined;
  /**
   * Postgres settings for PGlite, over `PGLITE_SETTINGS` (small buffers); e.g. `{ shared_buffers: '64MB' }`.
   * Default: `env.ESIM_RECONCILE_PGLITE_SETTINGS` (`shared_buffers=64MB,work_mem=8MB`). Ignored by PostgreSQL.
   */
  pgliteSettings?: Record<string, string> | undefined;
  /**
   * Where a new PGlite folder's template is cached (made once by initdb in a child process, then copied).
   * Default: `env.ESIM_RECONCILE_CACHE_DIR`, else `~/.cache/esim-reconcile`; `false`: initdb in a child each time.
   */
  templateCache?: string | false | undefined;
  /** Where DATABASE_URL, ESIM_RECONCILE_PGLITE_SETTINGS and ESIM_RECONCILE_CACHE_DIR are read from. Default `process.env`. */
  env?: Record<string, string | undefined> | undefined;
}

export interface Store {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /** `memory`, the data folder, or `host:port/database` (never credentials). */
  readonly location: string;
  readonly schema: string;
  readonly locks: LockManager;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url));

/**
 * @example
 * const store = await openStore({ dataDir: './reconciler-data' }); // or DATABASE_URL=postgres://...
 * try { ... } finally { await store.close(); }
 */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const env = options.env ?? process.env;
  const url = options.url ?? env.DATABASE_URL;
  if (url !== undefined) return openPostgres(url, checkSchemaName(options.schema ?? 'public'));
  const fromEnv = env[PGLITE_SETTINGS_ENV];
  const settings = options.pgliteSettings ?? (fromEnv === undefined ? {} : parsePgliteSettings(fromEnv));
  return openPglite(
    options.dataDir,
    pgliteStartParams(settings),
    options.templateCache ?? defaultTemplateCache(env),
  );
}

async function openPglite(
  dataDir: string | undefined,
  startParams: string[],
  templateCache: string | false,
): Promise<Store> {
  let unlock = () => {};
  if (dataDir !== undefined) {
    try {
      mkdirSync(dataDir, { recursive: true });
    } catch (error) {
      throw new StoreUnavailableError(`cannot create data folder ${dataDir}: ${(error as Error).message}`);
    }
    unlock = lockDataDir(dataDir);
  }
  let client: PGlite | undefined;
  try {
    if (dataDir !== undefined && !existsSync(join(dataDir, STORE_MARKER)))
      await prepareDataDir(dataDir, startParams, templateCache, MIGRATIONS_FOLDER);
    client = await PGlite.create(dataDir ?? 'memory://', { startParams });
    const db = drizzlePglite({ client, schema });
    await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
    const opened = client;
    return {
      kind: 'pglite',
      db,
      location: dataDir ?? 'memory',
      schema: 'public',
      locks: new InProcessLocks(),
      async close() {
        await opened.close();
        unlock();
      },
    };
  } catch (error) {
    await client?.close().catch(() => {});
    unlock();
    if (error instanceof StoreUnavailableError) throw error;
    const where = dataDir ?? 'memory';
    throw new StoreUnavailableError(`cannot open the PGlite store at ${where}: ${describe(error)}`, {
      cause: error,
    });
  }
}

async function openPostgres(rawUrl: string, schemaName: string): Promise<Store> {
  const { url, display } = parseDatabaseUrl(rawUrl);
  const pool = new pg.Pool({
    connectionString: url,
    connectionTimeoutMillis: 10_000,
    // Unqualified table names resolve in the chosen schema, which is how one database hosts several stores.
    options: `-c search_path=${schemaName}`,
  });
  // Idle clients that lose their server emit 'error'; the next query reports it properly.
  pool.on('error', () => {});
  try {
    await migratePostgres(pool, schemaName);
  } catch (error) {
    await pool.end().catch(() => {});
    throw new StoreUnavailableError(`cannot use PostgreSQL at ${display}: ${describe(error)}`, {
      cause: error,
    });
  }
  return {
    kind: 'postgres',
    db: drizzleNodePg({ client: pool, schema }),
    location: display,
    schema: schemaName,
    locks: new AdvisoryLocks(pool, schemaName),
    async close() {
      await pool.end();
    },
  };
}

/** Several processes may start at once: migrations run under a blocking advisory lock, one process at a time. */
async function migratePostgres(pool: pg.Pool, schemaName: string): Promise<void> {
  const client = await pool.connect();
  try {
    const db = drizzleNodePg({ client });
    const namespace = lockKey(`esim-reconciler:${schemaName}`);
    const key = lockKey('migrations');
    await db.execute(sql`select pg_advisory_lock(${namespace}::int4, ${key}::int4)`);
    try {
      await db.execute(sql`create schema if not exists ${sql.identifier(schemaName)}`);
      await migrateNodePg(db, {
        migrationsFolder: MIGRATIONS_FOLDER,
        migrationsSchema: schemaName === 'public' ? 'drizzle' : schemaName,
      });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${namespace}::int4, ${key}::int4)`);
    }
  } finally {
    client.release();
  }
}

/** The driver's reason without its stack: `connect ECONNREFUSED 127.0.0.1:5432`, `password authentication failed...`. */
function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && !error.message.includes(code)
      ? `${error.message} (${code})`
      : error.message;
  }
  return String(error);
}
