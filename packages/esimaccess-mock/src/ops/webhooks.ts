/**
 * Webhook payloads, typed by core's webhook schemas (never a second copy of their shape). Each carries a fresh
 * `notifyId` (32 hex, from the account's seeded generator) and `eventGenerateTime` from the virtual clock.
 * @module
 */
import type {
  EsimAccessCheckHealthWebhook,
  EsimAccessDataUsageWebhook,
  EsimAccessEsimStatusWebhook,
  EsimAccessOrderStatusWebhook,
  EsimAccessSmdpEventWebhook,
  EsimAccessValidityUsageWebhook,
} from '@esim-sandbox/core';
import { newHexId } from '../state/ids.js';
import { formatProviderTime, formatWebhookTime } from '../state/time.js';
import type { OrderRecord, ProfileRecord } from '../state/types.js';
import type { OpContext } from './context.js';

function meta(ctx: OpContext): { notifyId: string; eventGenerateTime: string } {
  return { notifyId: newHexId(ctx.rng), eventGenerateTime: formatWebhookTime(ctx.now) };
}

/** The identifiers every profile event carries. */
function profileRef(profile: ProfileRecord) {
  return {
    iccid: profile.iccid,
    orderNo: profile.orderNo,
    esimTranNo: profile.esimTranNo,
    transactionId: profile.transactionId,
  };
}

/** Sent on webhook/save; the content is the fixed test payload the docs show. */
export function checkHealthWebhook(ctx: OpContext): EsimAccessCheckHealthWebhook {
  return {
    notifyType: 'CHECK_HEALTH',
    ...meta(ctx),
    content: { orderNo: '1234567890', orderStatus: 'Test' },
  };
}

/** Sent once an order's profiles are allocated; carries no ICCID (NOTES 1.6). */
export function orderStatusWebhook(ctx: OpContext, order: OrderRecord): EsimAccessOrderStatusWebhook {
  return {
    notifyType: 'ORDER_STATUS',
    ...meta(ctx),
    content: { orderNo: order.orderNo, orderStatus: order.status, transactionId: order.transactionId },
  };
}

export function smdpEventWebhook(ctx: OpContext, profile: ProfileRecord): EsimAccessSmdpEventWebhook {
  return {
    notifyType: 'SMDP_EVENT',
    ...meta(ctx),
    content: {
      eid: profile.eid,
      ...profileRef(profile),
      esimStatus: profile.esimStatus,
      smdpStatus: profile.smdpStatus,
      timestamp: formatProviderTime(ctx.now),
      // Per profile, from 1: the order of its SM-DP+ events, for a receiver that gets them out of order.
      seqNumber: profile.smdpSeqNumber,
      notifyStatus: 'Executed-Success',
    },
  };
}

export function esimStatusWebhook(ctx: OpContext, profile: ProfileRecord): EsimAccessEsimStatusWebhook {
  return {
    notifyType: 'ESIM_STATUS',
    ...meta(ctx),
    content: {
      ...profileRef(profile),
      esimStatus: profile.esimStatus,
      smdpStatus: profile.smdpStatus,
      totalVolume: profile.totalVolume,
      orderUsage: profile.orderUsage,
      remainVolume: Math.max(0, profile.totalVolume - profile.orderUsage),
    },
  };
}

/** `remainThreshold` is the fraction remaining (0.5, 0.2, 0.1), as the provider's sample with 90 % used shows. */
export function dataUsageWebhook(
  ctx: OpContext,
  profile: ProfileRecord,
  remainThreshold: number,
): EsimAccessDataUsageWebhook {
  return {
    notifyType: 'DATA_USAGE',
    ...meta(ctx),
    content: {
      ...profileRef(profile),
      totalVolume: profile.totalVolume,
      orderUsage: profile.orderUsage,
      remain: Math.max(0, profile.totalVolume - profile.orderUsage),
      remainThreshold,
      lastUpdateTime: formatWebhookTime(profile.lastUsageAt ?? ctx.now),
    },
  };
}

export function validityUsageWebhook(
  ctx: OpContext,
  profile: ProfileRecord,
  expiresAt: number,
): EsimAccessValidityUsageWebhook {
  return {
    notifyType: 'VALIDITY_USAGE',
    ...meta(ctx),
    content: {
      ...profileRef(profile),
      remain: 1,
      totalDuration: profile.totalDuration,
      durationUnit: profile.durationUnit,
      expiredTime: formatWebhookTime(expiresAt),
    },
  };
}
