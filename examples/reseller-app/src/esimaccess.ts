/**
 * Selling an eSIM through eSIM Access: order it, then learn from webhooks when its profile is allocated and when the
 * customer's phone installs it, or from a look at the provider when a webhook is late or lost.
 * @module
 */
import { randomUUID } from 'node:crypto';
import {
  type EsimAccessClient,
  type EsimAccessWebhookPayload,
  ProviderError,
  parseEsimAccessWebhook,
} from '@esim-sandbox/core';
import { answerLost, providerFailed } from './failures.js';
import type { EsimOrder, OrderBook } from './orders.js';

/** esim/query's "profiles still being allocated" (docs: up to ~30 s after the order): not yet, not a failure. */
const STILL_ALLOCATING = '200010';

/** Thrown by a webhook that cannot be applied yet: answered non-2xx, so eSIM Access delivers it again later. */
export class NotYetError extends Error {
  override name = 'NotYetError';
}

/**
 * Places the order. core's client retries a transient failure itself with the same body, so the same transactionId:
 * eSIM Access answers a repeat with the same order, never a second charge. When even the retries lose the answer,
 * the sale is kept (pending, no orderNo) and the next look sends the order again with that transactionId.
 */
export async function sellEsim(
  client: EsimAccessClient,
  orders: OrderBook,
  input: { email: string; packageCode: string },
): Promise<EsimOrder> {
  const order: EsimOrder = {
    id: orders.newId(),
    kind: 'esim',
    ...input,
    transactionId: randomUUID(),
    status: 'pending',
    history: [],
  };
  orders.add(order);
  try {
    await placeOrder(client, order);
  } catch (error) {
    if (answerLost(error)) return order;
    orders.remove(order.id);
    throw error;
  }
  return order;
}

async function placeOrder(client: EsimAccessClient, order: EsimOrder): Promise<void> {
  const { orderNo } = await client.order({
    transactionId: order.transactionId,
    packageInfoList: [{ packageCode: order.packageCode, count: 1 }],
  });
  if (order.orderNo) return;
  order.orderNo = orderNo;
  order.history.push('ordered');
}

type ProviderProfile = Awaited<ReturnType<EsimAccessClient['queryProfiles']>>['esimList'][number];

/** The order's profile as eSIM Access has it now; undefined while it is still being allocated. */
async function readProfile(client: EsimAccessClient, orderNo: string): Promise<ProviderProfile | undefined> {
  try {
    const { esimList } = await client.queryProfiles({ orderNo, pager: { pageNum: 1, pageSize: 10 } });
    return esimList[0];
  } catch (error) {
    if (error instanceof ProviderError && error.code === STILL_ALLOCATING) return undefined;
    throw error;
  }
}

/** Reads the order's profile once it is allocated; a no-op when it is known or still being allocated. */
async function fetchProfile(client: EsimAccessClient, order: EsimOrder): Promise<void> {
  if (order.profile || !order.orderNo) return;
  const profile = await readProfile(client, order.orderNo);
  // A webhook and a customer's look may both have asked: the first answer wins, the second changes nothing.
  if (!profile || order.profile) return;
  order.profile = {
    iccid: profile.iccid,
    esimTranNo: profile.esimTranNo,
    activationCode: profile.ac,
    qrCodeUrl: profile.qrCodeUrl,
    esimStatus: profile.esimStatus,
    smdpStatus: profile.smdpStatus,
  };
  if (order.status === 'pending') order.status = 'ready';
  order.history.push('allocated');
}

/**
 * What the customer's look does for a pending order (the ORDER_STATUS webhook may be late, or never come): send the
 * order again if its answer was lost, then read the profile. Idempotent; a provider failure leaves it pending.
 */
export async function refreshEsimOrder(client: EsimAccessClient, order: EsimOrder): Promise<void> {
  if (order.status !== 'pending') return;
  try {
    if (!order.orderNo) await placeOrder(client, order);
    await fetchProfile(client, order);
  } catch (error) {
    if (error instanceof ProviderError && !order.orderNo) {
      order.status = 'failed';
      order.history.push(`order refused (${error.code})`);
    } else if (!providerFailed(error)) {
      throw error;
    }
  }
}

/**
 * Applies one webhook body; throws core's EsimAccessWebhookParseError for a body that is not a valid webhook. The
 * notifyId is marked applied only once the work is done: a failure (a query eSIM Access refused, a lost answer)
 * answers non-2xx, and the redelivery does the work again. Repeats change nothing: by notifyId, and by the order's
 * own state (a profile already known, an older SMDP_EVENT).
 */
export async function applyEsimAccessWebhook(
  client: EsimAccessClient,
  orders: OrderBook,
  body: unknown,
): Promise<void> {
  const event = parseEsimAccessWebhook(body);
  if (event.notifyType === 'CHECK_HEALTH') return;
  if (event.notifyId && orders.isApplied(event.notifyId)) return;
  const order = orders.findEsim(event.content);
  if (order) await applyToOrder(client, order, event);
  if (event.notifyId) orders.markApplied(event.notifyId);
}

async function applyToOrder(
  client: EsimAccessClient,
  order: EsimOrder,
  event: Exclude<EsimAccessWebhookPayload, { notifyType: 'CHECK_HEALTH' }>,
): Promise<void> {
  if (!order.orderNo) {
    order.orderNo = event.content.orderNo;
    order.history.push('ordered');
  }
  if (event.notifyType === 'ORDER_STATUS') {
    if (event.content.orderStatus === 'GOT_RESOURCE') await fetchProfile(client, order);
    return;
  }
  if (event.notifyType !== 'SMDP_EVENT' && event.notifyType !== 'ESIM_STATUS') return;
  // Device events come late, twice or out of order: the event says something changed, eSIM Access says what is
  // true now (the profile's current statuses), so an older event arriving last cannot set an older state.
  await fetchProfile(client, order);
  const now = order.profile && (await readProfile(client, order.orderNo));
  if (!order.profile || !now) throw new NotYetError(`order ${order.orderNo}: profile not readable yet`);
  order.profile.esimStatus = now.esimStatus;
  order.profile.smdpStatus = now.smdpStatus;
  if (now.smdpStatus === 'ENABLED') order.status = 'installed';
  order.history.push(`${event.notifyType} ${event.content.esimStatus}/${event.content.smdpStatus}`);
}
