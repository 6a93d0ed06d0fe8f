/**
 * Reads and writes of orders, profiles and redeem codes shared by the webhook applier and the sync. Rows are
 * read `FOR UPDATE` inside the caller's transaction, so a webhook and a sync touching one profile serialise.
 * @module
 */
import { and, eq, sql } from 'drizzle-orm';
import { refundCancelledProfile } from './ledger.js';
import type { Db } from './open.js';
import { orders, profiles, redeemCodes } from './schema.js';

export type ProfileRow = typeof profiles.$inferSelect;
export type NewProfileRow = typeof profiles.$inferInsert;
export type OrderRow = typeof orders.$inferSelect;
export type RedeemCodeRow = typeof redeemCodes.$inferSelect;
export type OrderOrigin = 'local' | 'webhook' | 'sync';

export async function lockProfile(
  db: Db,
  accountId: string,
  esimTranNo: string,
): Promise<ProfileRow | undefined> {
  const [row] = await db
    .select()
    .from(profiles)
    .where(and(eq(profiles.accountId, accountId), eq(profiles.esimTranNo, esimTranNo)))
    .for('update');
  return row;
}

/** VALIDITY_USAGE may lack esimTranNo: find the profile by ICCID within its order (ICCIDs are reused across orders). */
export async function lockProfileByIccid(
  db: Db,
  accountId: string,
  orderNo: string,
  iccid: string,
): Promise<ProfileRow | undefined> {
  const [row] = await db
    .select()
    .from(profiles)
    .where(and(eq(profiles.accountId, accountId), eq(profiles.orderNo, orderNo), eq(profiles.iccid, iccid)))
    .for('update');
  return row;
}

const maxOf = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a == null ? (b ?? null) : b == null ? a : Math.max(a, b);

/**
 * Usage figures from an event or a provider answer (webhook, top-up): they only ever grow, so a late one is
 * taken only where it is ahead of the store. Returns the columns to change.
 */
export function growingUsage(
  row: ProfileRow,
  orderUsage: number | null | undefined,
  totalVolume: number | null | undefined,
): { orderUsage?: number | null; totalVolume?: number | null } {
  const patch: { orderUsage?: number | null; totalVolume?: number | null } = {};
  const used = maxOf(row.orderUsage, orderUsage);
  const total = maxOf(row.totalVolume, totalVolume);
  if (used !== row.orderUsage) patch.orderUsage = used;
  if (total !== row.totalVolume) patch.totalVolume = total;
  return patch;
}

export async function insertProfile(db: Db, row: NewProfileRow): Promise<void> {
  await db.insert(profiles).values(row).onConflictDoNothing();
}

/**
 * Writes a profile's new values; when the change cancels it, the refund goes into the ledger in the same
 * transaction. A profile first learnt from a CANCEL webhook carries no package (webhooks do not name it), so its
 * refund waits for the sync that fills the package in.
 */
export async function updateProfile(
  db: Db,
  before: ProfileRow,
  patch: Partial<NewProfileRow>,
): Promise<void> {
  await db
    .update(profiles)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(eq(profiles.accountId, before.accountId), eq(profiles.esimTranNo, before.esimTranNo)));
  const packageCode = patch.packageCode ?? before.packageCode;
  const cancelled = (patch.esimStatus ?? before.esimStatus) === 'CANCEL';
  const newlyRefundable =
    cancelled && packageCode !== null && (before.esimStatus !== 'CANCEL' || before.packageCode === null);
  if (newlyRefundable) {
    await refundCancelledProfile(db, {
      accountId: before.accountId,
      esimTranNo: before.esimTranNo,
      orderNo: patch.orderNo ?? before.orderNo,
      packageCode,
    });
  }
}

/** A newly learnt profile that is already cancelled is refunded too. */
export async function createProfile(db: Db, row: NewProfileRow): Promise<void> {
  await insertProfile(db, row);
  if (row.esimStatus === 'CANCEL') {
    await refundCancelledProfile(db, {
      accountId: row.accountId,
      esimTranNo: row.esimTranNo,
      orderNo: row.orderNo,
      packageCode: row.packageCode ?? null,
    });
  }
}

export async function lockOrder(db: Db, accountId: string, orderNo: string): Promise<OrderRow | undefined> {
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.accountId, accountId), eq(orders.orderNo, orderNo)))
    .for('update');
  return row;
}

/** The order row, created with `origin` when it is new (`created` tells which). */
export async function ensureOrder(
  db: Db,
  accountId: string,
  orderNo: string,
  origin: OrderOrigin,
  fields: { transactionId?: string | null | undefined; status?: string | null | undefined } = {},
): Promise<{ order: OrderRow; created: boolean }> {
  const inserted = await db
    .insert(orders)
    .values({
      accountId,
      orderNo,
      origin,
      transactionId: fields.transactionId ?? null,
      status: fields.status ?? null,
    })
    .onConflictDoNothing()
    .returning();
  if (inserted[0]) return { order: inserted[0], created: true };
  const order = await lockOrder(db, accountId, orderNo);
  // The insert lost only because the row exists, and rows are never deleted.
  return { order: order!, created: false };
}

export async function updateOrder(
  db: Db,
  order: OrderRow,
  patch: Partial<typeof orders.$inferInsert>,
): Promise<void> {
  await db
    .update(orders)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(eq(orders.accountId, order.accountId), eq(orders.orderNo, order.orderNo)));
}

export async function lockRedeemCode(
  db: Db,
  accountId: string,
  redeemCode: string,
): Promise<RedeemCodeRow | undefined> {
  const [row] = await db
    .select()
    .from(redeemCodes)
    .where(and(eq(redeemCodes.accountId, accountId), eq(redeemCodes.redeemCode, redeemCode)))
    .for('update');
  return row;
}
