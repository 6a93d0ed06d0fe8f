/**
 * Creating one profile at allocation: realistic ids (issuer = the package's ipExport country, so ICCID prefix and
 * IMSI MCC agree), totals from the package, and the unused-period deadline.
 * @module
 */
import type { EsimAccessPackage } from '@esim-sandbox/core';
import { newActivationCode, newHexId, newIccid, newImsi, newMsisdn, nextSequencedId } from '../state/ids.js';
import { addProfile } from '../state/profile-list.js';
import { DAY_MS } from '../state/time.js';
import type { OrderItem, OrderRecord, ProfileRecord } from '../state/types.js';
import { type OpContext, schedule } from './context.js';

/** Profiles whose package does not say how long they may lie unused get the provider's common 180 days. */
const DEFAULT_UNUSED_VALID_DAYS = 180;

/** APNs of the issuing operators profiles are commonly issued from; the rest use a generic one. */
const APN_BY_ISSUER: Readonly<Record<string, string>> = {
  AT: 'drei.at',
  HK: 'cmhk',
  SG: 'e-ideas',
  NL: 'internet',
  GB: 'three.co.uk',
};

export function nextEsimTranNo(ctx: OpContext): string {
  return nextSequencedId(ctx.state.counters, 'esim', ctx.now, '', ctx.state.profiles);
}

function uniqueIccid(ctx: OpContext, issuer: string): string {
  for (;;) {
    const iccid = newIccid(ctx.rng, issuer);
    if (!ctx.state.esimTranNoByIccid[iccid]) return iccid;
  }
}

export function createProfile(
  ctx: OpContext,
  order: OrderRecord,
  pkg: EsimAccessPackage,
  item: OrderItem,
): ProfileRecord {
  const issuer = pkg.ipExport || pkg.location.split(',')[0] || 'HK';
  const esimTranNo = nextEsimTranNo(ctx);
  const iccid = uniqueIccid(ctx, issuer);
  const days = item.periodNum ?? pkg.duration;
  // A day pass's volume is its daily allowance, which is what the profile reports (see data-types.ts).
  const totalVolume = pkg.volume;
  const unusedDays = pkg.unusedValidTime ?? DEFAULT_UNUSED_VALID_DAYS;
  const smsStatus = pkg.smsStatus ?? 0;
  const imsi = newImsi(ctx.rng, issuer);
  const profile: ProfileRecord = {
    esimTranNo,
    orderNo: order.orderNo,
    transactionId: order.transactionId,
    iccid,
    imsi,
    // Only a profile that can receive SMS has a number (NOTES 1.7: often absent or "").
    msisdn: smsStatus === 0 ? '' : newMsisdn(issuer, imsi),
    ac: newActivationCode(ctx.rng, ctx.behaviour.smdpAddress),
    qrId: newHexId(ctx.rng),
    eid: '',
    pin: ctx.rng.digits(4),
    puk: ctx.rng.digits(8),
    apn: APN_BY_ISSUER[issuer] ?? 'internet',
    esimStatus: 'GOT_RESOURCE',
    smdpStatus: 'RELEASED',
    suspendedFrom: null,
    basePackageCode: pkg.packageCode,
    packages: [
      {
        packageCode: pkg.packageCode,
        slug: pkg.slug,
        packageName: pkg.name,
        duration: days,
        volume: totalVolume,
        locationCode: ctx.catalog.locationCode(pkg),
        createTime: ctx.now,
      },
    ],
    activeType: pkg.activeType ?? 1,
    dataType: pkg.dataType ?? 1,
    smsStatus,
    price: item.unitPrice * (item.periodNum ?? 1),
    totalVolume,
    totalDuration: days,
    durationUnit: pkg.durationUnit,
    orderUsage: 0,
    usageResetAt: null,
    smdpSeqNumber: 0,
    createdAt: ctx.now,
    unusedExpiresAt: ctx.now + unusedDays * DAY_MS,
    installedAt: null,
    activatedAt: null,
    expiresAt: null,
    lastUsageAt: null,
    usageNotified: [],
    validityWarnedFor: null,
  };
  addProfile(ctx.state, profile);
  schedule(ctx, 'esimaccess.expire-unused', profile.unusedExpiresAt, { esimTranNo });
  return profile;
}
