/**
 * Selling a redeem code through iRoamly: buy it, redeem it for the customer, and look up the QR once iRoamly has
 * finished (iRoamly sends no webhooks, so the shop asks when the customer looks).
 * @module
 */
import type { IroamlyClient } from '@esim-sandbox/core';
import { providerFailed } from './failures.js';
import type { OrderBook, RedeemCodeOrder } from './orders.js';

/** iRoamly's redeem-code statuses the shop acts on. */
const NOT_REDEEMED = 0;
const REDEEMED = 2;
const FAILED = 3;

/**
 * Buys one code and records the sale at once: the purchase is the one step that cannot be repeated (iRoamly has no
 * idempotency key, so core never retries it). What follows (reading the code, redeeming it) is finished by
 * {@link refreshRedeemCode}, now and on every look, so a provider failure after the purchase loses nothing.
 */
export async function sellRedeemCode(
  client: IroamlyClient,
  orders: OrderBook,
  input: { email: string; productCode: string; shopEmail: string },
): Promise<RedeemCodeOrder> {
  const { orderId } = await client.purchase({
    email: input.shopEmail,
    productList: [{ productCode: input.productCode, quantity: 1 }],
  });
  const order: RedeemCodeOrder = {
    id: orders.newId(),
    kind: 'redeem-code',
    email: input.email,
    productCode: input.productCode,
    iroamlyOrderId: orderId,
    status: 'pending',
    history: ['bought'],
  };
  orders.add(order);
  await refreshRedeemCode(client, order);
  return order;
}

/**
 * Moves a pending order on as far as iRoamly allows: read its code, redeem it while it is unredeemed (a redemption
 * whose answer was lost shows as redeeming or redeemed on the next read, never twice), pick up the QR once redeemed.
 * A provider failure leaves it pending for the next look.
 */
export async function refreshRedeemCode(client: IroamlyClient, order: RedeemCodeOrder): Promise<void> {
  if (order.status !== 'pending') return;
  try {
    const codes = await client.queryCodes(order.iroamlyOrderId);
    const code = order.redeemCode ? codes.find((c) => c.redeemCode === order.redeemCode) : codes[0];
    if (!code) return;
    order.redeemCode = code.redeemCode;
    if (code.status === NOT_REDEEMED) {
      await client.redeemQrCode({ email: order.email, codeList: [{ redeemCode: code.redeemCode }] });
      if (!order.history.includes('redeeming')) order.history.push('redeeming');
    } else if (code.status === REDEEMED) {
      order.qrCodeUrl = (await client.queryQrCode(code.redeemCode)).qrcode;
      order.status = 'ready';
      order.history.push('redeemed');
    } else if (code.status === FAILED) {
      order.status = 'failed';
      order.history.push('redemption failed');
    }
  } catch (error) {
    if (!providerFailed(error)) throw error;
  }
}
