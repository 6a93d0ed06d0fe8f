/**
 * Selling a redeem code through iRoamly: buy it, redeem it for the customer, and look up the QR once iRoamly has
 * finished (iRoamly sends no webhooks, so the shop asks when the customer looks).
 * @module
 */
import type { IroamlyClient } from '@esim-sandbox/core';
import type { OrderBook, RedeemCodeOrder } from './orders.js';

/** iRoamly's redeem-code statuses the shop acts on. */
const REDEEMED = 2;
const FAILED = 3;

export async function sellRedeemCode(
  client: IroamlyClient,
  orders: OrderBook,
  input: { email: string; productCode: string; shopEmail: string },
): Promise<RedeemCodeOrder> {
  const { orderId } = await client.purchase({
    email: input.shopEmail,
    productList: [{ productCode: input.productCode, quantity: 1 }],
  });
  const [code] = await client.queryCodes(orderId);
  if (!code) throw new Error(`iRoamly order ${orderId} has no redeem code`);
  await client.redeemQrCode({ email: input.email, codeList: [{ redeemCode: code.redeemCode }] });
  const order: RedeemCodeOrder = {
    id: orders.newId(),
    kind: 'redeem-code',
    email: input.email,
    productCode: input.productCode,
    iroamlyOrderId: orderId,
    redeemCode: code.redeemCode,
    status: 'pending',
    history: ['bought', 'redeeming'],
  };
  orders.add(order);
  return order;
}

export async function refreshRedeemCode(client: IroamlyClient, order: RedeemCodeOrder): Promise<void> {
  if (order.status !== 'pending') return;
  const codes = await client.queryCodes(order.iroamlyOrderId);
  const status = codes.find((c) => c.redeemCode === order.redeemCode)?.status;
  if (status === REDEEMED) {
    order.qrCodeUrl = (await client.queryQrCode(order.redeemCode)).qrcode;
    order.status = 'ready';
    order.history.push('redeemed');
  } else if (status === FAILED) {
    order.status = 'failed';
    order.history.push('redemption failed');
  }
}
