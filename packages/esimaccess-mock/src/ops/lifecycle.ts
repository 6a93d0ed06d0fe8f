/**
 * Applying the transitions table to a profile, and the side effects that belong to a status change: which webhooks it
 * sends, what activation and usage schedule. Every status change in the mock goes through {@link moveProfile}.
 * @module
 */

import { DAY_MS } from '../state/time.js';
import { type ProfileMove, planMove } from '../state/transitions.js';
import type { ProfileRecord } from '../state/types.js';
import { type OpContext, type OpError, schedule } from './context.js';
import { dataUsageWebhook, esimStatusWebhook, smdpEventWebhook, validityUsageWebhook } from './webhooks.js';

/** Checks a move without applying it: the 200002 a caller must answer before it mutates anything else. */
export function checkMove(ctx: OpContext, profile: ProfileRecord, move: ProfileMove): OpError | null {
  const plan = planMove(profile, move, ctx.behaviour);
  return plan.ok ? null : { code: plan.code, message: plan.message };
}

/**
 * Applies `move` and emits its webhooks: SMDP_EVENT when the SM-DP+ status changes (and on activation, the last step
 * of the documented install sequence), ESIM_STATUS when esimStatus changes to anything but GOT_RESOURCE (which the
 * provider only reports through SMDP_EVENT).
 */
export function moveProfile(ctx: OpContext, profile: ProfileRecord, move: ProfileMove): OpError | null {
  const plan = planMove(profile, move, ctx.behaviour);
  if (!plan.ok) return { code: plan.code, message: plan.message };
  const before = { esimStatus: profile.esimStatus, smdpStatus: profile.smdpStatus };
  profile.suspendedFrom = move === 'suspend' ? before : move === 'unsuspend' ? null : profile.suspendedFrom;
  profile.esimStatus = plan.next.esimStatus;
  profile.smdpStatus = plan.next.smdpStatus;
  if (profile.smdpStatus !== before.smdpStatus || move === 'activate') {
    profile.smdpSeqNumber += 1;
    ctx.effects.webhooks.push(smdpEventWebhook(ctx, profile));
  }
  if (profile.esimStatus !== before.esimStatus && profile.esimStatus !== 'GOT_RESOURCE') {
    ctx.effects.webhooks.push(esimStatusWebhook(ctx, profile));
  }
  return null;
}

/**
 * Schedules the end of validity and the warning a day before it, keyed by `expiresAt` so stale tasks no-op. With a
 * day or less left (a 1-day package on activation) the warning goes now: one day remains from the start.
 */
export function scheduleValidity(ctx: OpContext, profile: ProfileRecord): void {
  const expiresAt = profile.expiresAt;
  if (expiresAt === null) return;
  schedule(ctx, 'esimaccess.expire-used', expiresAt, { esimTranNo: profile.esimTranNo, expiresAt });
  if (expiresAt - DAY_MS > ctx.now) {
    schedule(ctx, 'esimaccess.validity-warning', expiresAt - DAY_MS, {
      esimTranNo: profile.esimTranNo,
      expiresAt,
    });
  } else {
    warnValidity(ctx, profile);
  }
}

/** VALIDITY_USAGE, once per `expiresAt`, for a profile still counting down its validity. */
export function warnValidity(ctx: OpContext, profile: ProfileRecord): void {
  const expiresAt = profile.expiresAt;
  if (expiresAt === null || profile.validityWarnedFor === expiresAt) return;
  // A cancelled, revoked or expired profile would not be warned.
  if (checkMove(ctx, profile, 'expireUsed')) return;
  profile.validityWarnedFor = expiresAt;
  ctx.effects.webhooks.push(validityUsageWebhook(ctx, profile, expiresAt));
}

/** First use starts the validity period: totalDuration days from now. */
export function activate(ctx: OpContext, profile: ProfileRecord): OpError | null {
  const error = moveProfile(ctx, profile, 'activate');
  if (error) return error;
  profile.activatedAt = ctx.now;
  profile.expiresAt = ctx.now + profile.totalDuration * DAY_MS;
  scheduleValidity(ctx, profile);
  return null;
}

/** DATA_USAGE thresholds: used percent, and the remaining fraction the webhook reports for it. */
export const USAGE_THRESHOLDS = [
  { usedPercent: 50, remainThreshold: 0.5 },
  { usedPercent: 80, remainThreshold: 0.2 },
  { usedPercent: 90, remainThreshold: 0.1 },
] as const;

/** Integer comparison: volumes reach 2^35 and more, fractions of them must not round. */
function crossed(profile: ProfileRecord, usedPercent: number): boolean {
  return profile.orderUsage * 100 >= profile.totalVolume * usedPercent;
}

/** Sends DATA_USAGE for every newly crossed threshold, once each. */
export function notifyUsageThresholds(ctx: OpContext, profile: ProfileRecord): void {
  for (const threshold of USAGE_THRESHOLDS) {
    if (profile.usageNotified.includes(threshold.usedPercent) || !crossed(profile, threshold.usedPercent))
      continue;
    profile.usageNotified.push(threshold.usedPercent);
    ctx.effects.webhooks.push(dataUsageWebhook(ctx, profile, threshold.remainThreshold));
  }
}

/**
 * Starts a day pass's day on its first use: the counters reset 24 h after activation and every 24 h after that.
 */
export function startUsageDay(ctx: OpContext, profile: ProfileRecord): void {
  if (profile.usageResetAt !== null || profile.activatedAt === null) return;
  const day = Math.floor((ctx.now - profile.activatedAt) / DAY_MS);
  const at = profile.activatedAt + (day + 1) * DAY_MS;
  profile.usageResetAt = at;
  schedule(ctx, 'esimaccess.daily-reset', at, { esimTranNo: profile.esimTranNo, at });
}

/**
 * A new day of a day pass: today's usage and its DATA_USAGE thresholds start again, and a profile cut off yesterday
 * (dataType 3) is back in use. Not at the end of validity: the last day's figures stay on the expired profile.
 */
export function renewDailyAllowance(ctx: OpContext, profile: ProfileRecord): void {
  const at = profile.usageResetAt;
  profile.usageResetAt = null;
  if (at === null || (profile.expiresAt !== null && at >= profile.expiresAt)) return;
  profile.orderUsage = 0;
  profile.usageNotified = [];
  if (!checkMove(ctx, profile, 'renewDay')) moveProfile(ctx, profile, 'renewDay');
  // Suspended while cut off: unsuspend returns to today's allowance, not yesterday's cut-off.
  if (profile.suspendedFrom?.esimStatus === 'USED_UP') profile.suspendedFrom.esimStatus = 'IN_USE';
}

/** After a top-up adds volume, thresholds no longer crossed may fire again. */
export function forgetUncrossedThresholds(profile: ProfileRecord): void {
  profile.usageNotified = profile.usageNotified.filter((percent) => crossed(profile, percent));
}
