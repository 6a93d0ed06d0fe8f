/**
 * `esim/order` and the allocation that follows it. Checks run in the order a partner would hit them (package, price,
 * amount, stock, balance) and all come before the first mutation, so a rejected order changes nothing.
 * @module
 */
import type { EsimAccessOrderObj, EsimAccessOrderRequest, EsimAccessPackage } from '@esim-sandbox/core';
import { isDayPass, packageType } from '../catalog/catalog.js';
import { nextSequencedId } from '../state/ids.js';
import { canAfford, changeBalance } from '../state/money.js';
import type { OrderItem, OrderRecord } from '../state/types.js';
import { fail, type OpContext, type OpResult, ok, schedule } from './context.js';
import { magicFailure } from './magic.js';
import { createProfile } from './provision.js';
import { orderStatusWebhook } from './webhooks.js';

interface PricedItem {
  pkg: EsimAccessPackage;
  item: OrderItem;
  total: number;
}

function priceItems(ctx: OpContext, request: EsimAccessOrderRequest): OpResult<PricedItem[]> {
  const priced: PricedItem[] = [];
  for (const [i, info] of request.packageInfoList.entries()) {
    const name = info.packageCode || info.slug || '';
    const pkg = ctx.catalog.resolve(name);
    if (!pkg) return fail('310241', `packageCode does not exist: ${name} (packageInfoList[${i}])`);
    if (packageType(pkg) === 'TOPUP') {
      return fail(
        '200008',
        `${pkg.packageCode} is a top-up package; order it with esim/topup (packageInfoList[${i}])`,
      );
    }
    if (info.periodNum !== undefined && !isDayPass(pkg)) {
      return fail('200008', `periodNum is only for day-pass packages (packageInfoList[${i}].periodNum)`);
    }
    if (info.price !== undefined && info.price !== pkg.price) {
      return fail(
        '200005',
        `package price error: ${pkg.packageCode} costs ${pkg.price}, request says ${info.price} (packageInfoList[${i}].price)`,
      );
    }
    const days = isDayPass(pkg) ? (info.periodNum ?? pkg.duration) : 1;
    const item: OrderItem = {
      packageCode: pkg.packageCode,
      count: info.count,
      unitPrice: pkg.price,
      periodNum: isDayPass(pkg) ? days : null,
    };
    priced.push({ pkg, item, total: pkg.price * info.count * days });
  }
  return ok(priced);
}

function checkStock(ctx: OpContext, priced: readonly PricedItem[]): OpResult<Map<string, number>> {
  const wanted = new Map<string, number>();
  for (const { item } of priced)
    wanted.set(item.packageCode, (wanted.get(item.packageCode) ?? 0) + item.count);
  for (const [code, count] of wanted) {
    const left = ctx.state.stock[code];
    if (left !== undefined && left < count) {
      return fail('200011', `insufficient available profiles for ${code}: ${left} left, ${count} wanted`);
    }
  }
  return ok(wanted);
}

function nextOrderNo(ctx: OpContext): string {
  return nextSequencedId(ctx.state.counters, 'order', ctx.now, 'B', ctx.state.orders);
}

export function placeOrder(ctx: OpContext, request: EsimAccessOrderRequest): OpResult<EsimAccessOrderObj> {
  const { state } = ctx;
  const magic = magicFailure({
    transactionId: request.transactionId,
    packageCodes: request.packageInfoList.flatMap((info) => [info.packageCode, info.slug]),
  });
  if (magic) return magic;
  const previous = state.orderNoByTransactionId[request.transactionId];
  if (previous !== undefined) {
    return ctx.behaviour.duplicateTransactionId === 'same-order'
      ? ok({ orderNo: previous, transactionId: request.transactionId })
      : fail('310402', `duplicate transactionId ${request.transactionId} (order ${previous})`);
  }
  const priced = priceItems(ctx, request);
  if (!priced.ok) return priced;
  const total = priced.obj.reduce((sum, p) => sum + p.total, 0);
  if (request.amount !== undefined && request.amount !== total) {
    return fail('200006', `wrong total amount: expected ${total}, got ${request.amount}`);
  }
  const stock = checkStock(ctx, priced.obj);
  if (!stock.ok) return stock;
  if (!canAfford(state, total)) return fail('200007', 'the balance is insufficient');

  // From here on nothing can fail: debit, reserve stock, record, schedule allocation.
  const orderNo = nextOrderNo(ctx);
  changeBalance(state, -total, 'order', orderNo, ctx.now);
  for (const [code, count] of stock.obj) {
    const left = state.stock[code];
    if (left !== undefined) state.stock[code] = left - count;
  }
  const order: OrderRecord = {
    orderNo,
    transactionId: request.transactionId,
    status: 'GETTING_RESOURCE',
    createdAt: ctx.now,
    items: priced.obj.map((p) => p.item),
    amount: total,
    esimTranNos: [],
  };
  state.orders[orderNo] = order;
  state.orderNoByTransactionId[request.transactionId] = orderNo;
  const allocationMs = ctx.behaviour.allocationDelayMs;
  schedule(
    ctx,
    'esimaccess.allocate',
    ctx.now + (ctx.chaosDelay?.('allocation', allocationMs) ?? allocationMs),
    {
      orderNo,
    },
  );
  return ok({ orderNo, transactionId: request.transactionId });
}

/** Task: the order's profiles come into existence, then ORDER_STATUS GOT_RESOURCE. A second run is a no-op. */
export function allocateOrder(ctx: OpContext, orderNo: string): void {
  const order = ctx.state.orders[orderNo];
  if (order?.status !== 'GETTING_RESOURCE') return;
  for (const item of order.items) {
    const pkg = ctx.catalog.byCode(item.packageCode);
    if (!pkg) {
      // Only a restart with a different catalogue gets here: refund what cannot be delivered.
      changeBalance(
        ctx.state,
        item.unitPrice * item.count * (item.periodNum ?? 1),
        'refund',
        orderNo,
        ctx.now,
      );
      continue;
    }
    for (let n = 0; n < item.count; n++) {
      order.esimTranNos.push(createProfile(ctx, order, pkg, item).esimTranNo);
    }
  }
  order.status = 'GOT_RESOURCE';
  ctx.effects.webhooks.push(orderStatusWebhook(ctx, order));
}
