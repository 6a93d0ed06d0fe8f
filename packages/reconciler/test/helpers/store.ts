/**
 * Test stores: PGlite in memory by default; with DATABASE_URL set, PostgreSQL, each test file in a schema of
 * its own (dropped afterwards), so files can run in parallel against one database.
 */
import { randomBytes } from 'node:crypto';
import { getTableName, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { openStore, type Store } from '../../src/store/open.js';
import * as schema from '../../src/store/schema.js';

export const usingPostgres = process.env.DATABASE_URL !== undefined;

const tables = [
  schema.accounts,
  schema.orders,
  schema.profiles,
  schema.redeemCodes,
  schema.ledgerEntries,
  schema.webhookInbox,
  schema.appliedWebhooks,
  schema.syncRuns,
  schema.syncCursors,
  schema.driftFindings,
];

export function uniqueSchemaName(): string {
  return `t_${randomBytes(6).toString('hex')}`;
}

export async function openTestStore(schemaName = uniqueSchemaName()): Promise<Store> {
  return openStore(usingPostgres ? { schema: schemaName } : { env: {} });
}

export async function dropTestStore(store: Store): Promise<void> {
  if (store.kind === 'postgres' && store.schema !== 'public') {
    await store.db.execute(sql`drop schema if exists ${sql.identifier(store.schema)} cascade`);
  }
  await store.close();
}

export async function truncateAll(store: Store): Promise<void> {
  const names = tables.map((table) => sql.identifier(getTableName(table)));
  await store.db.execute(sql`truncate ${sql.join(names, sql`, `)} restart identity`);
}

/** One store per test file, emptied before each test. */
export function useStore(): () => Store {
  let store: Store | undefined;
  beforeAll(async () => {
    store = await openTestStore();
  }, 60_000);
  afterAll(async () => {
    if (store) await dropTestStore(store);
  });
  beforeEach(async () => {
    await truncateAll(store!);
  });
  return () => store!;
}
