/**
 * @module
 * `purchaseCode`: all or nothing. Every product is checked and the total is compared with the balance before
 * anything changes; then the balance is debited once and the codes are issued. The function is synchronous from
 * check to debit, so concurrent requests on one account (one event loop) can never overspend.
 */
import { IroamlyCode, type IroamlyPurchaseCodeRequest, IroamlyRedeemCodeStatus } from '@esim-sandbox/core';
import { type CatalogProduct, findProduct } from '../catalog/catalog.js';
import { expiryDate } from '../state/dates.js';
import { newOrderId, newRedeemCode } from '../state/ids.js';
import { pushMessage } from '../state/outbox.js';
import { fail, type OpResult, ok } from '../state/result.js';
import type { AccountState, Order, OrderLine, RedeemCodeRecord } from '../state/types.js';
import type { OpContext } from './context.js';
import { magicFailure } from './magic.js';

interface PricedLine {
  product: CatalogProduct;
  line: OrderLine;
}

function priceLines(request: IroamlyPurchaseCodeRequest, ctx: OpContext): OpResult<PricedLine[]> {
  const unknown = request.productList
    .map((l) => l.productCode)
    .filter((code) => findProduct(ctx.catalog, code) === undefined);
  if (unknown.length > 0) {
    return fail(IroamlyCode.PRODUCT_NOT_FOUND, [...new Set(unknown)].join(', '));
  }
  return ok(
    request.productList.map((l) => {
      const product = findProduct(ctx.catalog, l.productCode)!;
      return {
        product,
        line: { productCode: l.productCode, quantity: l.quantity, unitPrice: product.price },
      };
    }),
  );
}

function issueCodes(
  state: AccountState,
  order: Order,
  lines: readonly PricedLine[],
  ctx: OpContext,
): RedeemCodeRecord[] {
  const expire_at = expiryDate(ctx.now, ctx.behaviour.codeValidityDays);
  const issued = new Set<string>();
  const records: RedeemCodeRecord[] = [];
  for (const { line } of lines) {
    for (let i = 0; i < line.quantity; i++) {
      const redeemCode = newRedeemCode(state, ctx.rng, issued);
      issued.add(redeemCode);
      records.push({
        redeemCode,
        productCode: line.productCode,
        orderId: order.orderId,
        expire_at,
        status: IroamlyRedeemCodeStatus.NOT_REDEEMED,
      });
    }
  }
  return records;
}

/**
 * @example
 * const r = purchase(ctx, { email: 'a@b.co', productList: [{ productCode, quantity: 2 }] });
 * if (r.ok) r.obj.orderId; else r.error; // {code: 4 | 5 | 6, msg}
 */
export function purchase(ctx: OpContext, request: IroamlyPurchaseCodeRequest): OpResult<Order> {
  const { state } = ctx;
  const magic = magicFailure(request.email);
  if (magic) return magic;
  const priced = priceLines(request, ctx);
  if (!priced.ok) return priced;
  const total = priced.obj.reduce((sum, { line }) => sum + line.unitPrice * line.quantity, 0);
  if (total > state.balance) {
    return fail(
      ctx.behaviour.insufficientBalanceCode,
      `order total ${total} exceeds balance ${state.balance} (1/100 credit)`,
    );
  }
  // From here on nothing can fail: debit, then record.
  state.balance -= total;
  const order: Order = {
    orderId: newOrderId(state, ctx.rng),
    email: request.email,
    createdAt: ctx.now,
    lines: priced.obj.map((p) => p.line),
    total,
    codes: [],
  };
  for (const record of issueCodes(state, order, priced.obj, ctx)) {
    state.codes[record.redeemCode] = record;
    order.codes.push(record.redeemCode);
  }
  state.orders[order.orderId] = order;
  if (ctx.behaviour.purchaseEmail) {
    pushMessage(state, {
      kind: 'codes_purchased',
      to: order.email,
      subject: `Your iRoamly order ${order.orderId}`,
      createdAt: ctx.now,
      orderId: order.orderId,
      codes: order.codes.map((code) => {
        const r = state.codes[code]!;
        const plan = findProduct(ctx.catalog, r.productCode)?.item.plan ?? r.productCode;
        return { redeemCode: code, productCode: r.productCode, plan, expire_at: r.expire_at };
      }),
    });
  }
  return ok(order);
}
