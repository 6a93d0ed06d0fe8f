/**
 * Reads and writes of orders, profiles and redeem codes shared by the webhook applier and the sync. Rows are
 * read `FOR UPDATE` inside the caller's transaction, so a webhook and a sync touching one profile serialise.
 * @module
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { refundCancelledProfile } from './ledger.js';
import type { Db } from './open.js';
import { type RowChange, rowRewriter } from './rewrite.js';
import { orders, profiles, redeemCodes } from './schema.js';

export type ProfileRow = typeof profiles.$inferSelect;
export type NewProfileRow = typeof profiles.$inferInsert;
export type OrderRow = typeof orders.$inferSelect;
export type NewOrderRow = typeof orders.$inferInsert;
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

/** Several profiles, read `FOR UPDATE` in one statement (key order), by esimTranNo. */
export async function lockProfiles(
  db: Db,
  accountId: string,
  esimTranNos: readonly string[],
): Promise<Map<string, ProfileRow>> {
  if (esimTranNos.length === 0) return new Map();
  const rows = await db
    .select()
    .from(profiles)
    .where(and(eq(profiles.accountId, accountId), inArray(profiles.esimTranNo, [...esimTranNos])))
    .orderBy(asc(profiles.esimTranNo))
    .for('update');
  return new Map(rows.map((row) => [row.esimTranNo, row]));
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
  await refundIfCancelled(db, before, patch);
}

export type ProfileChange = RowChange<typeof profiles>;

const rewriteProfiles = rowRewriter(profiles, [profiles.accountId, profiles.esimTranNo]);

/**
 * `updateProfile` for many locked rows in one statement (a sync page), one change per profile. Refunds as
 * `updateProfile` does.
 */
export async function updateProfiles(db: Db, changes: readonly ProfileChange[]): Promise<void> {
  await rewriteProfiles(db, changes);
  for (const { before, patch } of changes) await refundIfCancelled(db, before, patch);
}

async function refundIfCancelled(db: Db, before: ProfileRow, patch: Partial<NewProfileRow>): Promise<void> {
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

/** `createProfiles` of one row. */
export async function createProfile(db: Db, row: NewProfileRow): Promise<void> {
  await createProfiles(db, [row]);
}

/**
 * Inserts new profiles in one statement (a row a webhook created meanwhile is left as it is). A newly learnt
 * profile that is already cancelled is refunded too.
 */
export async function createProfiles(db: Db, rows: readonly NewProfileRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(profiles)
    .values([...rows])
    .onConflictDoNothing();
  for (const row of rows) {
    if (row.esimStatus !== 'CANCEL') continue;
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

type OrderFields = { transactionId?: string | null | undefined; status?: string | null | undefined };

/** The order row, created with `origin` when it is new (`created` tells which). */
export async function ensureOrder(
  db: Db,
  accountId: string,
  orderNo: string,
  origin: OrderOrigin,
  fields: OrderFields = {},
): Promise<{ order: OrderRow; created: boolean }> {
  const ensured = await ensureOrders(db, accountId, origin, [{ orderNo, ...fields }]);
  return ensured.get(orderNo)!;
}

/** `ensureOrder` for several orders in two statements: the inserts, then the lock of those that existed. */
export async function ensureOrders(
  db: Db,
  accountId: string,
  origin: OrderOrigin,
  wanted: readonly (OrderFields & { orderNo: string })[],
): Promise<Map<string, { order: OrderRow; created: boolean }>> {
  const ensured = new Map<string, { order: OrderRow; created: boolean }>();
  if (wanted.length === 0) return ensured;
  const inserted = await db
    .insert(orders)
    .values(
      wanted.map((fields) => ({
        accountId,
        orderNo: fields.orderNo,
        origin,
        transactionId: fields.transactionId ?? null,
        status: fields.status ?? null,
      })),
    )
    .onConflictDoNothing()
    .returning();
  for (const order of inserted) ensured.set(order.orderNo, { order, created: true });
  const existing = wanted.map((w) => w.orderNo).filter((orderNo) => !ensured.has(orderNo));
  if (existing.length === 0) return ensured;
  const locked = await db
    .select()
    .from(orders)
    .where(and(eq(orders.accountId, accountId), inArray(orders.orderNo, existing)))
    .orderBy(asc(orders.orderNo))
    .for('update');
  // An insert lost only because the row exists, and rows are never deleted.
  for (const order of locked) ensured.set(order.orderNo, { order, created: false });
  return ensured;
}

export async function updateOrder(db: Db, order: OrderRow, patch: Partial<NewOrderRow>): Promise<void> {
  await db
    .update(orders)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(eq(orders.accountId, order.accountId), eq(orders.orderNo, order.orderNo)));
}

export type OrderChange = RowChange<typeof orders>;

/** `updateOrder` for many locked rows in one statement, one change per order. */
export const updateOrders = rowRewriter(orders, [orders.accountId, orders.orderNo]);

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
