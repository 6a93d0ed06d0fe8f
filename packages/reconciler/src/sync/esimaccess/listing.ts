/**
 * The two listings of eSIM Access profiles: every profile created in the date window, page by page, then every
 * known order the window did not cover (placed outside it, or just placed). Pages stream through: the next page
 * is asked for while the current one is written, so at most two are held, whatever the number of profiles.
 * @module
 */
import { ProviderError } from '@esim-sandbox/core';
import { and, asc, count, eq, gt, isNull, ne, or } from 'drizzle-orm';
import { orders } from '../../store/schema.js';
import type { StreamContext } from '../context.js';
import { flagOrderMissing } from '../missing-order.js';
import { readAhead } from '../read-ahead.js';
import type { EsimAccessSyncClient } from '../types.js';
import { applyProfilePage } from './apply-page.js';

export const RANGE_STREAM = 'esimaccess:range';
export const ORDERS_STREAM = 'esimaccess:orders';

/** 200010: the order's profiles are still being allocated. 310272: the provider has no such order. */
const ALLOCATING = '200010';
const NO_SUCH_ORDER = '310272';

export async function syncDateRange(ctx: StreamContext, client: EsimAccessSyncClient): Promise<void> {
  const cursor = await ctx.cursor(RANGE_STREAM);
  if (cursor.done || !ctx.options.listByDateRange) return;
  const { pageSize, since, until, signal } = ctx.options;
  // Resume one page early: had new profiles shifted the listing, the overlap re-reads rather than skips.
  let pageNum = cursor.position === null ? 1 : Math.max(1, Number(cursor.position) - 1);
  let seen = (pageNum - 1) * pageSize;
  const pages = client.iterateProfilePages(
    { startTime: since, endTime: until, pager: { pageNum, pageSize } },
    { signal },
  );
  for await (const { value: page, askedAt } of readAhead(pages, ctx.options.now)) {
    await ctx.commit(RANGE_STREAM, String(pageNum + 1), (tx) =>
      applyProfilePage(tx, ctx, page.esimList, askedAt),
    );
    seen += page.esimList.length;
    pageNum += 1;
    ctx.progress(RANGE_STREAM, seen, page.pager.total);
  }
  await ctx.commit(RANGE_STREAM, String(pageNum), undefined, true);
}

function unseenOrders(ctx: StreamContext, after: string | null) {
  const conditions = [
    eq(orders.accountId, ctx.accountId),
    or(isNull(orders.lastSeenRun), ne(orders.lastSeenRun, ctx.runId)),
  ];
  if (after !== null) conditions.push(gt(orders.orderNo, after));
  return and(...conditions);
}

export async function syncKnownOrders(ctx: StreamContext, client: EsimAccessSyncClient): Promise<void> {
  const cursor = await ctx.cursor(ORDERS_STREAM);
  if (cursor.done) return;
  let position = cursor.position;
  const [counted] = await ctx.store.db.select({ n: count() }).from(orders).where(unseenOrders(ctx, position));
  const total = Number(counted?.n ?? 0);
  let done = 0;
  for (;;) {
    const batch = await ctx.store.db
      .select({ orderNo: orders.orderNo })
      .from(orders)
      .where(unseenOrders(ctx, position))
      .orderBy(asc(orders.orderNo))
      .limit(50);
    if (batch.length === 0) break;
    for (const { orderNo } of batch) {
      await syncOrder(ctx, client, orderNo, position);
      position = orderNo;
      ctx.progress(ORDERS_STREAM, ++done, total);
    }
  }
  await ctx.commit(ORDERS_STREAM, position, undefined, true);
}

async function syncOrder(
  ctx: StreamContext,
  client: EsimAccessSyncClient,
  orderNo: string,
  previous: string | null,
): Promise<void> {
  const { pageSize, signal } = ctx.options;
  try {
    const pages = client.iterateProfilePages({ orderNo, pager: { pageSize } }, { signal });
    let listed = 0;
    for await (const { value: page, askedAt } of readAhead(pages, ctx.options.now)) {
      listed += page.esimList.length;
      // The cursor moves past the order only once all its pages are in.
      await ctx.commit(ORDERS_STREAM, previous, (tx) => applyProfilePage(tx, ctx, page.esimList, askedAt));
    }
    await ctx.commit(
      ORDERS_STREAM,
      orderNo,
      listed === 0 ? (tx) => flagOrderMissing(tx, ctx, orderNo) : undefined,
    );
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    if (error.code === ALLOCATING) return ctx.commit(ORDERS_STREAM, orderNo);
    if (error.code === NO_SUCH_ORDER)
      return ctx.commit(ORDERS_STREAM, orderNo, (tx) => flagOrderMissing(tx, ctx, orderNo));
    throw error;
  }
}
