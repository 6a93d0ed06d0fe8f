/**
 * `esim/topup`: adds a TOPUP_ package's volume and days to a profile (New, In use or Depleted; never after expiry),
 * idempotent by transactionId. No ORDER_STATUS for top-ups (NOTES 1.5).
 * @module
 */
import type { EsimAccessTopUpObj, EsimAccessTopUpRequest } from '@esim-sandbox/core';
import { isDayPass, packageType } from '../catalog/catalog.js';
import { dataTypeRule } from '../state/data-types.js';
import { canAfford, changeBalance } from '../state/money.js';
import { DAY_MS, formatProviderTime } from '../state/time.js';
import { fail, type OpContext, type OpResult, ok } from './context.js';
import { checkMove, forgetUncrossedThresholds, moveProfile, scheduleValidity } from './lifecycle.js';
import { magicFailure } from './magic.js';
import { findProfile, profileExpiry } from './profiles.js';
import { nextEsimTranNo } from './provision.js';

export function topUp(ctx: OpContext, request: EsimAccessTopUpRequest): OpResult<EsimAccessTopUpObj> {
  const { state } = ctx;
  const magic = magicFailure({ transactionId: request.transactionId, packageCodes: [request.packageCode] });
  if (magic) return magic;
  const previous = state.topUps[request.transactionId];
  if (previous) {
    return ctx.behaviour.duplicateTransactionId === 'same-order'
      ? ok(previous.result)
      : fail('310402', `duplicate transactionId ${request.transactionId}`);
  }
  const found = findProfile(state, request);
  if (!found.ok) return found;
  const profile = found.obj;
  const pkg = ctx.catalog.resolve(request.packageCode);
  if (!pkg) return fail('310241', `packageCode does not exist: ${request.packageCode}`);
  const base = ctx.catalog.byCode(profile.basePackageCode);
  if (packageType(pkg) !== 'TOPUP' || !base || !ctx.catalog.topUpsFor(base).includes(pkg)) {
    return fail(
      '200008',
      `${pkg.packageCode} is not a top-up of this profile's package ${profile.basePackageCode}`,
    );
  }
  const moveError = checkMove(ctx, profile, 'topUp');
  if (moveError) return fail(moveError.code, moveError.message);
  if (request.periodNum !== undefined && !isDayPass(pkg)) {
    return fail('200008', 'periodNum is only for day-pass packages (periodNum)');
  }
  const days = isDayPass(pkg) ? (request.periodNum ?? pkg.duration) : pkg.duration;
  // A day pass's allowance is per day: its top-up adds days, not volume.
  const daily = dataTypeRule(profile.dataType).daily;
  const volume = daily ? 0 : isDayPass(pkg) ? pkg.volume * days : pkg.volume;
  const price = pkg.price * (isDayPass(pkg) ? days : 1);
  if (request.amount !== undefined && Number(request.amount) !== price) {
    return fail('200006', `wrong total amount: expected ${price}, got ${request.amount}`);
  }
  if (!canAfford(state, price)) return fail('200007', 'the balance is insufficient');

  const topUpEsimTranNo = nextEsimTranNo(ctx);
  changeBalance(state, -price, 'topup', topUpEsimTranNo, ctx.now);
  profile.totalVolume += volume;
  profile.totalDuration += days;
  profile.packages.push({
    packageCode: pkg.packageCode,
    slug: pkg.slug,
    packageName: pkg.name,
    duration: days,
    volume: daily ? pkg.volume : volume,
    locationCode: ctx.catalog.locationCode(pkg),
    createTime: ctx.now,
  });
  forgetUncrossedThresholds(profile);
  // Depleted -> In use; other statuses stay (the table's target). A day pass cut off today stays so until the
  // daily reset: more days do not give today more data.
  if (!daily) moveProfile(ctx, profile, 'topUp');
  if (profile.expiresAt !== null) {
    profile.expiresAt += days * DAY_MS;
    scheduleValidity(ctx, profile);
  }
  const result: EsimAccessTopUpObj = {
    transactionId: request.transactionId,
    iccid: profile.iccid,
    expiredTime: formatProviderTime(profileExpiry(profile)),
    totalVolume: profile.totalVolume,
    totalDuration: profile.totalDuration,
    orderUsage: profile.orderUsage,
    topUpEsimTranNo,
  };
  state.topUps[request.transactionId] = {
    transactionId: request.transactionId,
    esimTranNo: profile.esimTranNo,
    packageCode: pkg.packageCode,
    amount: price,
    at: ctx.now,
    result,
  };
  return ok(result);
}
