/**
 * iRoamly: for every known order, its redeem codes (`codeQuery`) and, for redeemed ones, the QR (`qrcodeQuery`).
 * iRoamly sends no webhooks and has no balance endpoint: its balance is the ledger's (see the report).
 * @module
 */
import { type IroamlyRedeemCode, IroamlyRedeemCodeStatus, ProviderError } from '@esim-sandbox/core';
import { and, asc, count, eq, gt } from 'drizzle-orm';
import { compareRedeemCode } from '../drift/compare.js';
import type { Finding } from '../drift/findings.js';
import type { Db } from '../store/open.js';
import { lockOrder, lockRedeemCode, updateOrder } from '../store/profiles.js';
import { orders, redeemCodes } from '../store/schema.js';
import type { StreamContext } from './context.js';
import { flagOrderMissing } from './missing-order.js';
import type { IroamlySyncClient } from './types.js';

export const CODES_STREAM = 'iroamly:codes';

function ordersAfter(ctx: StreamContext, after: string | null) {
  const conditions = [eq(orders.accountId, ctx.accountId)];
  if (after !== null) conditions.push(gt(orders.orderNo, after));
  return and(...conditions);
}

/**
 * With no order to ask about, the sync would make no call and so never notice bad credentials. Asking for an
 * order that cannot exist tells them apart: "no such order" means the key was accepted, code 2 throws
 * AuthenticationError.
 */
async function checkCredentials(ctx: StreamContext, client: IroamlySyncClient): Promise<void> {
  try {
    await client.queryCodes('esim-reconcile-credential-check', { signal: ctx.options.signal });
  } catch (error) {
    if (!(error instanceof ProviderError && ctx.options.iroamlyUnknownOrderCodes.has(error.code)))
      throw error;
  }
}

export async function syncIroamly(ctx: StreamContext, client: IroamlySyncClient): Promise<void> {
  const cursor = await ctx.cursor(CODES_STREAM);
  if (cursor.done) return;
  let position = cursor.position;
  const [counted] = await ctx.store.db.select({ n: count() }).from(orders).where(ordersAfter(ctx, position));
  const total = Number(counted?.n ?? 0);
  if (total === 0 && position === null) await checkCredentials(ctx, client);
  let done = 0;
  for (;;) {
    const batch = await ctx.store.db
      .select({ orderNo: orders.orderNo })
      .from(orders)
      .where(ordersAfter(ctx, position))
      .orderBy(asc(orders.orderNo))
      .limit(50);
    if (batch.length === 0) break;
    for (const { orderNo } of batch) {
      await syncOrder(ctx, client, orderNo);
      position = orderNo;
      ctx.progress(CODES_STREAM, ++done, total);
    }
  }
  await ctx.commit(CODES_STREAM, position, undefined, true);
}

async function syncOrder(ctx: StreamContext, client: IroamlySyncClient, orderNo: string): Promise<void> {
  const { signal, iroamlyUnknownOrderCodes } = ctx.options;
  let codes: IroamlyRedeemCode[];
  try {
    codes = await client.queryCodes(orderNo, { signal });
  } catch (error) {
    if (error instanceof ProviderError && iroamlyUnknownOrderCodes.has(error.code)) {
      return ctx.commit(CODES_STREAM, orderNo, (tx) => flagOrderMissing(tx, ctx, orderNo));
    }
    throw error;
  }
  const qr = new Map<string, string>();
  for (const code of codes) {
    if (code.status !== IroamlyRedeemCodeStatus.REDEEMED) continue;
    try {
      qr.set(code.redeemCode, (await client.queryQrCode(code.redeemCode, { signal })).qrcode);
    } catch (error) {
      // Code 7: not (yet) redeemed after all; the status comparison reports what matters.
      if (!(error instanceof ProviderError && error.code === '7')) throw error;
    }
  }
  await ctx.commit(CODES_STREAM, orderNo, (tx) => writeCodes(tx, ctx, orderNo, codes, qr));
}

async function writeCodes(
  tx: Db,
  ctx: StreamContext,
  orderNo: string,
  codes: readonly IroamlyRedeemCode[],
  qr: ReadonlyMap<string, string>,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  const order = await lockOrder(tx, ctx.accountId, orderNo);
  if (order) await updateOrder(tx, order, { lastSeenRun: ctx.runId, missingAtProvider: false });
  for (const code of codes) {
    const row = await lockRedeemCode(tx, ctx.accountId, code.redeemCode);
    const comparison = compareRedeemCode(row, code, {
      accountId: ctx.accountId,
      orderNo,
      runId: ctx.runId,
      qrCodeUrl: qr.get(code.redeemCode),
    });
    if (comparison.create) await tx.insert(redeemCodes).values(comparison.create).onConflictDoNothing();
    else await updateCode(tx, ctx.accountId, code.redeemCode, comparison.patch);
    findings.push(...comparison.findings);
  }
  const listed = new Set(codes.map((code) => code.redeemCode));
  const stored = await tx
    .select()
    .from(redeemCodes)
    .where(and(eq(redeemCodes.accountId, ctx.accountId), eq(redeemCodes.orderNo, orderNo)));
  for (const row of stored) {
    if (listed.has(row.redeemCode)) continue;
    if (!row.missingAtProvider)
      await updateCode(tx, ctx.accountId, row.redeemCode, { missingAtProvider: true });
    findings.push({
      kind: 'missing_at_provider',
      subjectType: 'redeem_code',
      subjectId: row.redeemCode,
      field: '*',
      storeValue: row.status,
      providerValue: null,
      corrected: false,
    });
  }
  return findings;
}

async function updateCode(
  tx: Db,
  accountId: string,
  redeemCode: string,
  patch: Partial<typeof redeemCodes.$inferInsert>,
) {
  if (Object.keys(patch).length === 0) return;
  await tx
    .update(redeemCodes)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(redeemCodes.accountId, accountId), eq(redeemCodes.redeemCode, redeemCode)));
}
