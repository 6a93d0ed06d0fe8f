import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreConfigError, StoreUnavailableError } from '../src/errors.js';
import { recordOrder } from '../src/records/record-order.js';
import { DATA_DIR_LOCK_FILE } from '../src/store/data-dir-lock.js';
import { MIGRATIONS_FOLDER, openStore, type Store } from '../src/store/open.js';
import { orders } from '../src/store/schema.js';
import { dropTestStore, uniqueSchemaName, usingPostgres } from './helpers/store.js';

const dirs: string[] = [];
const opened: Store[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reconciler-store-'));
  dirs.push(dir);
  return dir;
}

async function open(options: Parameters<typeof openStore>[0]): Promise<Store> {
  const store = await openStore(options);
  opened.push(store);
  return store;
}

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close().catch(() => {});
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** An in-memory store runs initdb in this process (a folder store copies a prepared template): slow on a busy machine. */
const IN_MEMORY_INITDB_MS = 120_000;

describe('openStore', () => {
  it(
    'uses PGlite in memory when neither a URL nor a folder is given',
    async () => {
      const store = await open({ env: {} });
      expect(store.kind).toBe('pglite');
      expect(store.location).toBe('memory');
      expect(await store.db.select().from(orders)).toEqual([]);
    },
    IN_MEMORY_INITDB_MS,
  );

  it('keeps a PGlite folder across reopening', async () => {
    const dataDir = tempDir();
    const first = await openStore({ dataDir, env: {} });
    await recordOrder(first, { accountId: 'esimaccess', provider: 'esimaccess', orderNo: 'B1', amount: 100 });
    await first.close();
    const second = await open({ dataDir, env: {} });
    expect((await second.db.select().from(orders)).map((o) => o.orderNo)).toEqual(['B1']);
  });

  it('refuses a PGlite folder that is already open', async () => {
    const dataDir = tempDir();
    await open({ dataDir, env: {} });
    await expect(openStore({ dataDir, env: {} })).rejects.toThrow(StoreUnavailableError);
  });

  it('takes over a folder whose lock was left by a process that is gone', async () => {
    const dataDir = tempDir();
    // Pid 2^22+1 is above Linux's default pid_max, so no process has it.
    writeFileSync(join(dataDir, DATA_DIR_LOCK_FILE), String(4_194_305));
    const store = await open({ dataDir, env: {} });
    expect(readFileSync(join(dataDir, DATA_DIR_LOCK_FILE), 'utf8')).toBe(String(process.pid));
    await store.close();
    opened.pop();
    expect(readdirSync(dataDir)).not.toContain(DATA_DIR_LOCK_FILE);
  });

  it.each([
    ['not a URL', 'not a url at all', /DATABASE_URL: is not a URL/],
    ['another scheme', 'mysql://u:p@localhost/db', /DATABASE_URL: must start with postgres:\/\//],
    ['an empty value', '  ', /DATABASE_URL: is empty/],
  ])('names DATABASE_URL when it is %s', async (_name, url, message) => {
    const attempt = openStore({ env: { DATABASE_URL: url } });
    await expect(attempt).rejects.toThrow(StoreConfigError);
    await expect(attempt).rejects.toThrow(message);
  });

  it('reports an unreachable PostgreSQL without its password', async () => {
    const attempt = openStore({ url: 'postgres://user:s3cret-pw@127.0.0.1:1/reconciler' });
    await expect(attempt).rejects.toThrow(StoreUnavailableError);
    const error = (await attempt.catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('127.0.0.1:1/reconciler');
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(error.message).not.toContain('s3cret-pw');
  });

  it('rejects a schema name that is not a plain identifier', async () => {
    await expect(openStore({ url: 'postgres://localhost/db', schema: 'Bad-Name' })).rejects.toThrow(
      /schema: must be a lowercase identifier/,
    );
  });

  it('ships migrations that name no schema, so `schema` can place the tables anywhere', () => {
    const sqlFiles = readdirSync(MIGRATIONS_FOLDER).filter((file) => file.endsWith('.sql'));
    expect(sqlFiles.length).toBeGreaterThan(0);
    for (const file of sqlFiles) {
      expect(readFileSync(join(MIGRATIONS_FOLDER, file), 'utf8')).not.toMatch(/"public"\./);
    }
  });

  it(
    'keeps two stores apart (two PGlite instances, or two schemas of one PostgreSQL database)',
    async () => {
      const a = await open(usingPostgres ? { schema: uniqueSchemaName() } : { env: {} });
      const b = await open(usingPostgres ? { schema: uniqueSchemaName() } : { env: {} });
      await recordOrder(a, { accountId: 'esimaccess', provider: 'esimaccess', orderNo: 'B-A' });
      expect((await a.db.select().from(orders)).map((o) => o.orderNo)).toEqual(['B-A']);
      expect(await b.db.select().from(orders)).toEqual([]);
      if (usingPostgres) {
        for (const store of [a, b]) await dropTestStore(store);
        opened.splice(0);
      }
    },
    IN_MEMORY_INITDB_MS,
  );
});
