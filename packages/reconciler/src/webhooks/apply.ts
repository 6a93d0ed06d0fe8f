/**
 * Applies one eSIM Access webhook to the store, exactly once: the notifyId is claimed in `applied_webhooks`
 * (primary key, insert-or-nothing) in the same transaction as the change, so a duplicate delivery, a second
 * receiver process or a replay after a crash finds the claim and changes nothing.
 * @module
 */
import type { EsimAccessWebhookPayload } from '@esim-sandbox/core';
import { and, eq } from 'drizzle-orm';
import {
  decideTransition,
  expiryMayHaveMoved,
  orderStatusAdvances,
  parseProviderTime,
} from '../domain/state-order.js';
import type { Db } from '../store/open.js';
import {
  createProfile,
  ensureOrder,
  growingUsage,
  lockProfile,
  lockProfileByIccid,
  updateOrder,
  updateProfile,
} from '../store/profiles.js';
import { appliedWebhooks } from '../store/schema.js';

/** `already-applied`: the notifyId was claimed before; `unmatched`: no profile to apply it to. */
export type ApplyOutcome =
  | 'applied'
  | 'duplicate'
  | 'stale'
  | 'terminal'
  | 'ignored'
  | 'unmatched'
  | 'already-applied';

type ProfileEvent = Extract<EsimAccessWebhookPayload, { notifyType: 'SMDP_EVENT' | 'ESIM_STATUS' }>;
type DataUsageEvent = Extract<EsimAccessWebhookPayload, { notifyType: 'DATA_USAGE' }>;
type ValidityEvent = Extract<EsimAccessWebhookPayload, { notifyType: 'VALIDITY_USAGE' }>;

/** Runs inside the caller's transaction. */
export async function applyWebhook(
  db: Db,
  accountId: string,
  notifyId: string,
  payload: EsimAccessWebhookPayload,
  now: Date,
): Promise<ApplyOutcome> {
  const claimed = await db
    .insert(appliedWebhooks)
    .values({ accountId, notifyId, outcome: 'pending' })
    .onConflictDoNothing()
    .returning({ notifyId: appliedWebhooks.notifyId });
  if (claimed.length === 0) return 'already-applied';
  const outcome = await dispatch(db, accountId, payload, now);
  await db
    .update(appliedWebhooks)
    .set({ outcome })
    .where(and(eq(appliedWebhooks.accountId, accountId), eq(appliedWebhooks.notifyId, notifyId)));
  return outcome;
}

async function dispatch(db: Db, accountId: string, payload: EsimAccessWebhookPayload, now: Date) {
  switch (payload.notifyType) {
    case 'CHECK_HEALTH':
      return 'ignored';
    case 'ORDER_STATUS': {
      const { orderNo, orderStatus, transactionId } = payload.content;
      const { order, created } = await ensureOrder(db, accountId, orderNo, 'webhook', {
        transactionId,
        status: orderStatus,
      });
      if (created) return 'applied';
      if (!orderStatusAdvances(order.status, orderStatus))
        return order.status === orderStatus ? 'duplicate' : 'stale';
      await updateOrder(db, order, {
        status: orderStatus,
        transactionId: order.transactionId ?? transactionId,
      });
      return 'applied';
    }
    case 'SMDP_EVENT':
    case 'ESIM_STATUS':
      return applyProfileEvent(db, accountId, payload, now);
    case 'DATA_USAGE':
      return applyDataUsage(db, accountId, payload, now);
    case 'VALIDITY_USAGE':
      return applyValidity(db, accountId, payload);
  }
}

/** A profile event proves its order was allocated, even when the ORDER_STATUS webhook was lost. */
async function markOrderAllocated(db: Db, accountId: string, orderNo: string, transactionId: string | null) {
  const { order } = await ensureOrder(db, accountId, orderNo, 'webhook', {
    transactionId,
    status: 'GOT_RESOURCE',
  });
  if (orderStatusAdvances(order.status, 'GOT_RESOURCE'))
    await updateOrder(db, order, { status: 'GOT_RESOURCE' });
}

async function applyProfileEvent(db: Db, accountId: string, event: ProfileEvent, now: Date) {
  const c = event.content;
  const eventAt = parseProviderTime(event.eventGenerateTime);
  await markOrderAllocated(db, accountId, c.orderNo, c.transactionId);
  const usage = event.notifyType === 'ESIM_STATUS' ? event.content : undefined;
  const eid = event.notifyType === 'SMDP_EVENT' && event.content.eid !== '' ? event.content.eid : undefined;
  const row = await lockProfile(db, accountId, c.esimTranNo);
  if (!row) {
    await createProfile(db, {
      accountId,
      esimTranNo: c.esimTranNo,
      orderNo: c.orderNo,
      iccid: c.iccid,
      transactionId: c.transactionId,
      esimStatus: c.esimStatus,
      smdpStatus: c.smdpStatus,
      eid: eid ?? null,
      totalVolume: usage?.totalVolume ?? null,
      orderUsage: usage?.orderUsage ?? null,
      stateEventAt: eventAt,
      stateChangedAt: now,
      stateSource: 'webhook',
    });
    return 'applied';
  }
  const current =
    row.esimStatus !== null && row.smdpStatus !== null
      ? { esimStatus: row.esimStatus, smdpStatus: row.smdpStatus, eventAt: row.stateEventAt }
      : undefined;
  const decision = decideTransition(current, { esimStatus: c.esimStatus, smdpStatus: c.smdpStatus, eventAt });
  const patch: Parameters<typeof updateProfile>[2] = {};
  if (decision.outcome === 'applied') {
    Object.assign(patch, {
      esimStatus: decision.next.esimStatus,
      smdpStatus: decision.next.smdpStatus,
      stateEventAt: decision.next.eventAt ?? null,
      stateSource: 'webhook',
      stateChangedAt: now,
    });
    // The stored expiry may be the unused period's end, or a planned end the expiry did not wait for; the real
    // one comes with the next sync.
    if (expiryMayHaveMoved(row.esimStatus, decision.next.esimStatus)) patch.expiredTime = null;
  } else if (decision.confirmedAt !== undefined) {
    patch.stateEventAt = decision.confirmedAt;
  }
  // Facts that only ever accumulate are safe to take from any event, late or not.
  if (row.iccid === null) patch.iccid = c.iccid;
  if (eid !== undefined && !row.eid) patch.eid = eid;
  if (usage) Object.assign(patch, growingUsage(row, usage.orderUsage, usage.totalVolume));
  if (Object.keys(patch).length > 0) await updateProfile(db, row, patch);
  return decision.outcome;
}

async function applyDataUsage(db: Db, accountId: string, event: DataUsageEvent, now: Date) {
  const c = event.content;
  await markOrderAllocated(db, accountId, c.orderNo, c.transactionId);
  const row = await lockProfile(db, accountId, c.esimTranNo);
  if (!row) {
    // Known only by this event: its state stays unknown (null) until a state event or a sync.
    await createProfile(db, {
      accountId,
      esimTranNo: c.esimTranNo,
      orderNo: c.orderNo,
      iccid: c.iccid,
      transactionId: c.transactionId,
      orderUsage: c.orderUsage,
      totalVolume: c.totalVolume,
      usageUpdatedAt: c.lastUpdateTime,
      stateChangedAt: now,
      stateSource: 'webhook',
    });
    return 'applied';
  }
  const patch = growingUsage(row, c.orderUsage, c.totalVolume);
  if (Object.keys(patch).length === 0) return 'duplicate';
  await updateProfile(db, row, { ...patch, usageUpdatedAt: c.lastUpdateTime });
  return 'applied';
}

async function applyValidity(db: Db, accountId: string, event: ValidityEvent) {
  const c = event.content;
  const row = c.esimTranNo
    ? await lockProfile(db, accountId, c.esimTranNo)
    : await lockProfileByIccid(db, accountId, c.orderNo, c.iccid);
  if (!row) return 'unmatched';
  const later = (parseProviderTime(c.expiredTime) ?? 0) > (parseProviderTime(row.expiredTime) ?? -1);
  if (!later && row.totalDuration === c.totalDuration) return 'duplicate';
  await updateProfile(db, row, {
    ...(later ? { expiredTime: c.expiredTime } : {}),
    totalDuration: Math.max(row.totalDuration ?? 0, c.totalDuration),
  });
  return 'applied';
}
