/**
 * Read-only endpoints: esim/query, esim/usage/query, package/list, location/list, balance/query.
 * @module
 */
import type {
  EsimAccessBalanceObj,
  EsimAccessLocationListObj,
  EsimAccessPackage,
  EsimAccessPackageListObj,
  EsimAccessPackageListRequest,
  EsimAccessProfileQueryObj,
  EsimAccessProfileQueryRequest,
  EsimAccessUsageQueryObj,
  EsimAccessUsageQueryRequest,
} from '@esim-sandbox/core';
import { isDayPass, packageType } from '../catalog/catalog.js';
import { profileList, profilesCreatedBetween } from '../state/profile-list.js';
import { formatProviderTime, parseProviderTime } from '../state/time.js';
import type { ProfileRecord } from '../state/types.js';
import { fail, type OpContext, type OpResult, ok } from './context.js';
import { renderProfile } from './profiles.js';

function profilesOfOrder(ctx: OpContext, orderNo: string): OpResult<ProfileRecord[]> {
  const order = ctx.state.orders[orderNo];
  if (!order) return fail('310272', "the orderNo doesn't exist");
  if (order.status === 'GETTING_RESOURCE') {
    const total = order.items.reduce((sum, item) => sum + item.count, 0);
    // The live text, recorded by several integrations.
    return fail('200010', `the batchOrder has been getting resource, total:[${total}], success:[0]`);
  }
  return ok(order.esimTranNos.flatMap((id) => ctx.state.profiles[id] ?? []));
}

export function queryProfiles(
  ctx: OpContext,
  request: EsimAccessProfileQueryRequest,
): OpResult<EsimAccessProfileQueryObj> {
  let profiles: readonly ProfileRecord[];
  if (request.orderNo) {
    const ofOrder = profilesOfOrder(ctx, request.orderNo);
    if (!ofOrder.ok) return ofOrder;
    profiles = ofOrder.obj;
  } else if (request.esimTranNo) {
    // The filter below would keep just this one: start from it rather than scan every profile.
    const one = Object.hasOwn(ctx.state.profiles, request.esimTranNo)
      ? ctx.state.profiles[request.esimTranNo]
      : undefined;
    profiles = one ? [one] : [];
  } else {
    profiles = profileList(ctx.state);
  }
  if (request.iccid) {
    const { iccid } = request;
    profiles = profiles.filter((p) => p.iccid === iccid);
    if (request.orderNo && profiles.length === 0)
      return fail('310403', `ICCID ${iccid} is not in order ${request.orderNo}`);
  }
  if (request.esimTranNo) {
    const { esimTranNo } = request;
    profiles = profiles.filter((p) => p.esimTranNo === esimTranNo);
    if (request.orderNo && profiles.length === 0) {
      return fail('310403', `esimTranNo ${esimTranNo} is not in order ${request.orderNo}`);
    }
  }
  if (request.startTime && request.endTime) {
    const from = parseProviderTime(request.startTime);
    const to = parseProviderTime(request.endTime);
    profiles =
      profiles === profileList(ctx.state)
        ? profilesCreatedBetween(ctx.state, from, to)
        : profiles.filter((p) => p.createdAt >= from && p.createdAt <= to);
  }
  const { pageNum, pageSize } = request.pager;
  const page = profiles.slice((pageNum - 1) * pageSize, pageNum * pageSize);
  return ok({
    esimList: page.map((p) => renderProfile(p, ctx.links)),
    pager: { pageNum, pageSize, total: profiles.length },
  });
}

/** Unknown esimTranNos are left out of the answer rather than failing the whole batch. */
export function queryUsage(
  ctx: OpContext,
  request: EsimAccessUsageQueryRequest,
): OpResult<EsimAccessUsageQueryObj> {
  const esimUsageList = request.esimTranNoList.flatMap((esimTranNo) => {
    const profile = ctx.state.profiles[esimTranNo];
    if (!profile) return [];
    return [
      {
        esimTranNo,
        dataUsage: profile.orderUsage,
        totalData: profile.totalVolume,
        lastUpdateTime: formatProviderTime(profile.lastUsageAt ?? profile.createdAt),
      },
    ];
  });
  return ok({ esimUsageList });
}

function matchesLocation(ctx: OpContext, pkg: EsimAccessPackage, code: string): boolean {
  if (code === '!GL') return ctx.catalog.areaKind(pkg) === 'global';
  if (code === '!RG') return ctx.catalog.areaKind(pkg) === 'region';
  return ctx.catalog.locationCode(pkg) === code;
}

/**
 * Filters as documented; empty strings count as "not filtering". Without `type` only base packages are listed; with
 * `iccid`, BASE lists the profile's own package and TOPUP the top-ups that fit it.
 */
export function listPackages(
  ctx: OpContext,
  request: EsimAccessPackageListRequest,
): OpResult<EsimAccessPackageListObj> {
  const type = request.type || 'BASE';
  let packages = ctx.catalog.catalog.packages.filter((pkg) => packageType(pkg) === type);
  if (request.iccid) {
    const esimTranNo = ctx.state.esimTranNoByIccid[request.iccid];
    const base = esimTranNo
      ? ctx.catalog.byCode(ctx.state.profiles[esimTranNo]?.basePackageCode ?? '')
      : undefined;
    const fitting = base ? (type === 'TOPUP' ? ctx.catalog.topUpsFor(base) : [base]) : [];
    packages = packages.filter((pkg) => fitting.includes(pkg));
  }
  const { locationCode, packageCode, slug } = request;
  if (locationCode) packages = packages.filter((pkg) => matchesLocation(ctx, pkg, locationCode));
  if (packageCode) packages = packages.filter((pkg) => pkg.packageCode === packageCode);
  if (slug) packages = packages.filter((pkg) => pkg.slug === slug);
  if (request.dataType !== undefined && request.dataType !== '') {
    const dayPass = Number(request.dataType) === 2;
    packages = packages.filter((pkg) => isDayPass(pkg) === dayPass);
  }
  return ok({ packageList: packages });
}

export function listLocations(ctx: OpContext): OpResult<EsimAccessLocationListObj> {
  return ok({ locationList: ctx.catalog.catalog.locations });
}

export function getBalance(ctx: OpContext): OpResult<EsimAccessBalanceObj> {
  return ok({ balance: ctx.state.balance });
}
