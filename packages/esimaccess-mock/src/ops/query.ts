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
import { pageCreatedBetween, profileList } from '../state/profile-list.js';
import { formatProviderTime, parseProviderTime } from '../state/time.js';
import type { ProfileRecord } from '../state/types.js';
import { fail, type OpContext, type OpResult, ok } from './context.js';
import { renderProfile } from './profiles.js';

/** esim/query's `obj` with its profiles not yet rendered (the answer's fields, in its order). */
export interface ProfilePage {
  readonly esimList: readonly ProfileRecord[];
  readonly pager: EsimAccessProfileQueryObj['pager'];
}

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

/**
 * Filters compare with what was sent: "" reaches here only with `strictInput` (the lenient step drops it), and is then
 * taken literally. No filter at all lists every profile of the account, oldest first (creation order), so pages stay
 * put while new profiles are added at the end.
 */
export function pageProfiles(ctx: OpContext, request: EsimAccessProfileQueryRequest): OpResult<ProfilePage> {
  let profiles: readonly ProfileRecord[];
  const { orderNo, iccid, esimTranNo } = request;
  if (orderNo !== undefined) {
    const ofOrder = profilesOfOrder(ctx, orderNo);
    if (!ofOrder.ok) return ofOrder;
    profiles = ofOrder.obj;
  } else if (esimTranNo !== undefined) {
    // The filter below would keep just this one: start from it rather than scan every profile.
    const one = Object.hasOwn(ctx.state.profiles, esimTranNo) ? ctx.state.profiles[esimTranNo] : undefined;
    profiles = one ? [one] : [];
  } else {
    profiles = profileList(ctx.state);
  }
  if (iccid !== undefined) {
    profiles = profiles.filter((p) => p.iccid === iccid);
    if (orderNo !== undefined && profiles.length === 0)
      return fail('310403', `ICCID ${iccid} is not in order ${orderNo}`);
  }
  if (esimTranNo !== undefined) {
    profiles = profiles.filter((p) => p.esimTranNo === esimTranNo);
    if (orderNo !== undefined && profiles.length === 0) {
      return fail('310403', `esimTranNo ${esimTranNo} is not in order ${orderNo}`);
    }
  }
  const { pageNum, pageSize } = request.pager;
  const skip = (pageNum - 1) * pageSize;
  const answer = (esimList: readonly ProfileRecord[], total: number) =>
    ok({ esimList, pager: { pageNum, pageSize, total } });
  if (request.startTime && request.endTime) {
    const from = parseProviderTime(request.startTime);
    const to = parseProviderTime(request.endTime);
    if (profiles === profileList(ctx.state)) {
      const { page, total } = pageCreatedBetween(ctx.state, from, to, skip, pageSize);
      return answer(page, total);
    }
    profiles = profiles.filter((p) => p.createdAt >= from && p.createdAt <= to);
  }
  return answer(profiles.slice(skip, skip + pageSize), profiles.length);
}

/** esim/query's `obj`: {@link pageProfiles}, rendered. */
export function queryProfiles(
  ctx: OpContext,
  request: EsimAccessProfileQueryRequest,
): OpResult<EsimAccessProfileQueryObj> {
  const paged = pageProfiles(ctx, request);
  if (!paged.ok) return paged;
  return ok({ ...paged.obj, esimList: paged.obj.esimList.map((p) => renderProfile(p, ctx.links)) });
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
 * The packages a base package stands for under `type`: itself for BASE, the top-ups that fit it for TOPUP (the docs:
 * `iccid` "for available top-ups", `packageCode` "used with TOPUP to view top-up packages for a packageCode").
 */
function standsFor(ctx: OpContext, base: EsimAccessPackage | undefined, type: string): EsimAccessPackage[] {
  if (!base) return [];
  return type === 'TOPUP' ? ctx.catalog.topUpsFor(base) : type === 'BASE' ? [base] : [];
}

/** Matches `field` = `value`, or, when `value` names a base package, the packages that base stands for. */
function named(
  ctx: OpContext,
  type: string,
  field: 'packageCode' | 'slug',
  value: string,
): (pkg: EsimAccessPackage) => boolean {
  const pkg = field === 'packageCode' ? ctx.catalog.byCode(value) : ctx.catalog.bySlug(value);
  if (!pkg || packageType(pkg) !== 'BASE') return (candidate) => candidate[field] === value;
  const fitting = standsFor(ctx, pkg, type);
  return (candidate) => fitting.includes(candidate);
}

/**
 * Filters as documented. Without `type` only base packages are listed. A base package named by `iccid` (the
 * profile's), `packageCode` or `slug` lists itself with BASE and the top-ups that fit it with TOPUP. "" reaches here
 * only with `strictInput`, and is taken literally (matches nothing).
 */
export function listPackages(
  ctx: OpContext,
  request: EsimAccessPackageListRequest,
): OpResult<EsimAccessPackageListObj> {
  const type = request.type ?? 'BASE';
  let packages = ctx.catalog.catalog.packages.filter((pkg) => packageType(pkg) === type);
  if (request.iccid !== undefined) {
    const esimTranNo = ctx.state.esimTranNoByIccid[request.iccid];
    const base = esimTranNo
      ? ctx.catalog.byCode(ctx.state.profiles[esimTranNo]?.basePackageCode ?? '')
      : undefined;
    const fitting = standsFor(ctx, base, type);
    packages = packages.filter((pkg) => fitting.includes(pkg));
  }
  const { locationCode, packageCode, slug, dataType } = request;
  if (locationCode !== undefined)
    packages = packages.filter((pkg) => matchesLocation(ctx, pkg, locationCode));
  if (packageCode !== undefined) packages = packages.filter(named(ctx, type, 'packageCode', packageCode));
  if (slug !== undefined) packages = packages.filter(named(ctx, type, 'slug', slug));
  if (dataType !== undefined) {
    const dayPass = dataType === '' ? undefined : Number(dataType) === 2;
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
