/**
 * What the real world does to a profile and the mock's control API stands in for: a device downloading, installing
 * and enabling it, data being used, time running out. All moves go through the transitions table.
 * @module
 */
import type { EsimAccessSmdpStatus } from '@esim-sandbox/core';
import { dataTypeRule } from '../state/data-types.js';
import { newEid } from '../state/ids.js';
import type { ProfileMove } from '../state/transitions.js';
import type { ProfileRecord } from '../state/types.js';
import { fail, type OpContext, type OpResult, ok } from './context.js';
import { activate, checkMove, moveProfile, notifyUsageThresholds, startUsageDay } from './lifecycle.js';
import { findProfile, type ProfileRef } from './profiles.js';

export type InstallStep = Extract<EsimAccessSmdpStatus, 'DOWNLOAD' | 'INSTALLATION' | 'ENABLED'>;

const INSTALL_SEQUENCE: readonly { readonly move: ProfileMove; readonly reaches: InstallStep }[] = [
  { move: 'download', reaches: 'DOWNLOAD' },
  { move: 'install', reaches: 'INSTALLATION' },
  { move: 'enable', reaches: 'ENABLED' },
];

export interface InstallOptions {
  /** Stop after this SM-DP+ step; default ENABLED (the whole sequence). */
  until?: InstallStep;
  /** The device's EID; default a realistic random one. */
  eid?: string;
}

/**
 * Moves the profile through DOWNLOAD -> INSTALLATION -> ENABLED from wherever it is, up to `until`; a profile with
 * activeType 1 (activate on install) becomes IN_USE on ENABLED. Each step sends its SMDP_EVENT.
 */
export function installProfile(
  ctx: OpContext,
  ref: ProfileRef,
  options: InstallOptions = {},
): OpResult<ProfileRecord> {
  const found = findProfile(ctx.state, ref);
  if (!found.ok) return found;
  const profile = found.obj;
  const until = options.until ?? 'ENABLED';
  const last = INSTALL_SEQUENCE.findIndex((step) => step.reaches === until);
  const start = INSTALL_SEQUENCE.findIndex((step) => step.reaches === profile.smdpStatus) + 1;
  // Nothing left to do (or the profile is not on this path): let the table say why with the first step's 200002.
  const steps = INSTALL_SEQUENCE.slice(start, last + 1);
  const first = steps[0] ?? INSTALL_SEQUENCE[0];
  if (steps.length === 0 && first) {
    const error = moveProfile(ctx, profile, first.move);
    return error ? fail(error.code, error.message) : ok(profile);
  }
  for (const step of steps) {
    // Checked before the EID is set so a refused install leaves the profile untouched; only the first step can
    // be refused, the rest follow from it.
    const refused = checkMove(ctx, profile, step.move);
    if (refused) return fail(refused.code, refused.message);
    // The DOWNLOAD event already carries the device's EID (docs example).
    if (step.move === 'download' && profile.eid === '') profile.eid = options.eid ?? newEid(ctx.rng);
    moveProfile(ctx, profile, step.move);
    if (step.move === 'install') profile.installedAt = ctx.now;
  }
  if (profile.smdpStatus === 'ENABLED' && profile.activeType === 1) {
    const error = activate(ctx, profile);
    if (error) return fail(error.code, error.message);
  }
  return ok(profile);
}

/**
 * Data used on the network. The first use of an enabled profile activates it (activeType 2). Usage counts against the
 * allowance of the package's dataType (data-types.ts): the whole volume, or today's for a day pass; crossing
 * 50/80/90 % sends DATA_USAGE, and where the allowance cuts data off, reaching it makes the profile USED_UP (usage is
 * then capped at the allowance).
 */
export function addUsage(ctx: OpContext, ref: ProfileRef, bytes: number): OpResult<ProfileRecord> {
  if (!Number.isSafeInteger(bytes) || bytes <= 0)
    return fail('000105', `bytes must be a positive integer, got ${bytes}`);
  const found = findProfile(ctx.state, ref);
  if (!found.ok) return found;
  const profile = found.obj;
  if (profile.esimStatus === 'GOT_RESOURCE' && profile.smdpStatus === 'ENABLED') {
    const error = activate(ctx, profile);
    if (error) return fail(error.code, error.message);
  }
  const error = moveProfile(ctx, profile, 'addUsage');
  if (error) return fail(error.code, error.message);
  const rule = dataTypeRule(profile.dataType);
  if (rule.daily) startUsageDay(ctx, profile);
  const used = profile.orderUsage + bytes;
  const cutOff = rule.atAllowance === 'cut-off';
  profile.orderUsage = cutOff ? Math.min(profile.totalVolume, used) : Math.min(Number.MAX_SAFE_INTEGER, used);
  profile.lastUsageAt = ctx.now;
  if (rule.usageWebhooks) notifyUsageThresholds(ctx, profile);
  if (cutOff && profile.orderUsage >= profile.totalVolume) moveProfile(ctx, profile, 'useUp');
  return ok(profile);
}

/** What a device does to an installed profile; each sends its SMDP_EVENT, esimStatus stays (the state table). */
export type DeviceAction = Extract<ProfileMove, 'disable' | 'reenable' | 'delete'>;

/** The device disables the profile, enables it again, or the user deletes it (for good). */
export function deviceAction(ctx: OpContext, ref: ProfileRef, action: DeviceAction): OpResult<ProfileRecord> {
  const found = findProfile(ctx.state, ref);
  if (!found.ok) return found;
  const error = moveProfile(ctx, found.obj, action);
  return error ? fail(error.code, error.message) : ok(found.obj);
}

/** Ends the profile's period now: validity if it was activated, the unused period if not. */
export function expireProfile(ctx: OpContext, ref: ProfileRef): OpResult<ProfileRecord> {
  const found = findProfile(ctx.state, ref);
  if (!found.ok) return found;
  const profile = found.obj;
  const unused = profile.activatedAt === null;
  const error = moveProfile(ctx, profile, unused ? 'expireUnused' : 'expireUsed');
  if (error) return fail(error.code, error.message);
  // Expired now, so `expiredTime` says now too rather than the end of a period that no longer applies; the tasks
  // scheduled for the old end find the profile expired (or their `expiresAt` stale) and do nothing.
  if (unused) profile.unusedExpiresAt = ctx.now;
  else profile.expiresAt = ctx.now;
  return ok(profile);
}
