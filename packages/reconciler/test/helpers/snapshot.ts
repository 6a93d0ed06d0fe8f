/** The store's domain state without clocks: what "the same end state" means in crash and e2e tests. */
import { asc } from 'drizzle-orm';
import type { Store } from '../../src/store/open.js';
import { accounts, ledgerEntries, orders, profiles, redeemCodes } from '../../src/store/schema.js';

/** Our own clock's columns; the provider's times (usageUpdatedAt, stateEventAt) stay. */
const CLOCKS = new Set(['createdAt', 'updatedAt', 'stateChangedAt', 'providerBalanceAt']);

const withoutClocks = <T extends Record<string, unknown>>(row: T) =>
  Object.fromEntries(Object.entries(row).filter(([key]) => !CLOCKS.has(key)));

export async function snapshot(store: Store) {
  const db = store.db;
  return {
    accounts: (await db.select().from(accounts).orderBy(asc(accounts.id))).map(withoutClocks),
    orders: (await db.select().from(orders).orderBy(asc(orders.orderNo))).map(withoutClocks),
    profiles: (await db.select().from(profiles).orderBy(asc(profiles.esimTranNo))).map(withoutClocks),
    redeemCodes: (await db.select().from(redeemCodes).orderBy(asc(redeemCodes.redeemCode))).map(
      withoutClocks,
    ),
    ledger: (await db.select().from(ledgerEntries).orderBy(asc(ledgerEntries.entryKey))).map(
      ({ id: _id, createdAt: _at, ...entry }) => entry,
    ),
  };
}
