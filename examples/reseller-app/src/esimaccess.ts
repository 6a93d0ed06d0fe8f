/**
 * Selling an eSIM through eSIM Access: order it, then learn from webhooks when its profile is allocated and when the
 * customer's phone installs it.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { type EsimAccessClient, parseEsimAccessWebhook } from '@esim-sandbox/core';
import type { EsimOrder, OrderBook } from './orders.js';

export async function sellEsim(
  client: EsimAccessClient,
  orders: OrderBook,
  input: { email: string; packageCode: string },
): Promise<EsimOrder> {
  const id = orders.newId();
  // One transactionId per sale: a retried order with the same id is the same order, never a second charge.
  const { orderNo } = await client.order({
    transactionId: randomUUID(),
    packageInfoList: [{ packageCode: input.packageCode, count: 1 }],
  });
  const order: EsimOrder = { id, kind: 'esim', ...input, orderNo, status: 'pending', history: ['ordered'] };
  orders.add(order);
  return order;
}

/** Applies one webhook body; throws core's EsimAccessWebhookParseError for a body that is not a valid webhook. */
export async function applyEsimAccessWebhook(
  client: EsimAccessClient,
  orders: OrderBook,
  body: unknown,
): Promise<void> {
  const event = parseEsimAccessWebhook(body);
  if (event.notifyType === 'CHECK_HEALTH') return;
  if (event.notifyId && !orders.firstDelivery(event.notifyId)) return;
  const order = orders.byOrderNo(event.content.orderNo);
  if (!order) return;
  if (event.notifyType === 'ORDER_STATUS') {
    if (event.content.orderStatus !== 'GOT_RESOURCE') return;
    const { esimList } = await client.queryProfiles({
      orderNo: order.orderNo,
      pager: { pageNum: 1, pageSize: 10 },
    });
    const profile = esimList[0];
    if (!profile) return;
    order.profile = {
      iccid: profile.iccid,
      esimTranNo: profile.esimTranNo,
      activationCode: profile.ac,
      qrCodeUrl: profile.qrCodeUrl,
      esimStatus: profile.esimStatus,
      smdpStatus: profile.smdpStatus,
    };
    order.status = 'ready';
    order.history.push('allocated');
    return;
  }
  if (event.notifyType === 'SMDP_EVENT' || event.notifyType === 'ESIM_STATUS') {
    if (!order.profile) return;
    const { esimStatus, smdpStatus } = event.content;
    Object.assign(order.profile, { esimStatus, smdpStatus });
    if (smdpStatus === 'ENABLED') order.status = 'installed';
    order.history.push(`${event.notifyType} ${esimStatus}/${smdpStatus}`);
  }
}
