/**
 * The ledger of money spent and refunded, in the account's unit. Every entry has a natural key, and inserts
 * ignore a key that exists: recording a fact twice, or replaying a sync, adds nothing.
 * @module
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from './open.js';
import { ledgerEntries, orders } from './schema.js';

export type LedgerKind = 'opening' | 'deposit' | 'spend' | 'refund' | 'adjustment';

export interface LedgerInput {
  accountId: string;
  entryKey: string;
  kind: LedgerKind;
  /** Signed, in the account's unit: spends are negative, refunds and deposits positive. */
  amount: number;
  orderNo?: string | null | undefined;
  note?: string | null | undefined;
}

/** True when the entry was added, false when its key was already there. */
export async function addLedgerEntry(db: Db, entry: LedgerInput): Promise<boolean> {
  if (!Number.isSafeInteger(entry.amount)) {
    throw new RangeError(`ledger amount must be an integer in the account's unit, got ${entry.amount}`);
  }
  const inserted = await db
    .insert(ledgerEntries)
    .values({
      accountId: entry.accountId,
      entryKey: entry.entryKey,
      kind: entry.kind,
      amount: entry.amount,
      orderNo: entry.orderNo ?? null,
      note: entry.note ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: ledgerEntries.id });
  return inserted.length > 0;
}

export async function ledgerBalance(db: Db, accountId: string): Promise<number> {
  const [row] = await db
    .select({ total: sql<string | null>`sum(${ledgerEntries.amount})` })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.accountId, accountId));
  return Number(row?.total ?? 0);
}

export async function hasOpeningEntry(db: Db, accountId: string): Promise<boolean> {
  const rows = await db
    .select({ id: ledgerEntries.id })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.accountId, accountId), eq(ledgerEntries.kind, 'opening')))
    .limit(1);
  return rows.length > 0;
}

/**
 * A cancelled eSIM Access profile is refunded the unit price of its package, when the app recorded that price
 * with the order. Keyed by esimTranNo, so a webhook and a sync seeing the same cancel refund once.
 */
export async function refundCancelledProfile(
  db: Db,
  profile: { accountId: string; esimTranNo: string; orderNo: string; packageCode: string | null },
): Promise<LedgerInput | undefined> {
  if (profile.packageCode === null) return undefined;
  const [order] = await db
    .select({ lines: orders.lines })
    .from(orders)
    .where(and(eq(orders.accountId, profile.accountId), eq(orders.orderNo, profile.orderNo)));
  const price = order?.lines?.find((line) => line.packageCode === profile.packageCode)?.price;
  if (price === undefined) return undefined;
  const refund: LedgerInput = {
    accountId: profile.accountId,
    entryKey: `refund:${profile.esimTranNo}`,
    kind: 'refund',
    amount: price,
    orderNo: profile.orderNo,
    note: `cancelled profile ${profile.esimTranNo}`,
  };
  return (await addLedgerEntry(db, refund)) ? refund : undefined;
}

/**
 * An entry recorded after a balance check that already counted its money (inside the `opening` entry or an
 * `adjustment`, because the store knew of the order, cancel or top-up but not of its price) would count it twice.
 * When the store learnt of the fact (`learntAt`) before the account's last balance check, a reversing
 * adjustment keyed by the entry keeps the ledger equal to the provider's balance.
 */
export async function offsetIfCounted(
  db: Db,
  entry: LedgerInput,
  learntAt: Date,
  lastBalanceCheck: Date | null,
): Promise<void> {
  if (lastBalanceCheck === null || learntAt > lastBalanceCheck) return;
  await addLedgerEntry(db, {
    accountId: entry.accountId,
    entryKey: `counted:${entry.entryKey}`,
    kind: 'adjustment',
    amount: -entry.amount,
    orderNo: entry.orderNo,
    note: `${entry.entryKey} was recorded after a balance check had counted it`,
  });
}
