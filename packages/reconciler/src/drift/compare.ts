/**
 * Pure comparisons of a stored row with the provider's view: the findings, and the values that correct the row.
 * The sync writes both in one transaction.
 * @module
 */
import type { EsimAccessProfile, EsimAccessUsage, IroamlyRedeemCode } from '@esim-sandbox/core';
import {
  classifyStateDrift,
  expiryMayHaveMoved,
  NEVER_ACTIVATED_ESIM_STATUSES,
  parseProviderTime,
  TERMINAL_ESIM_STATUSES,
} from '../domain/state-order.js';
import type { NewProfileRow, ProfileRow, RedeemCodeRow } from '../store/profiles.js';
import type { redeemCodes } from '../store/schema.js';
import type { Finding } from './findings.js';

export interface Comparison<Row> {
  findings: Finding[];
  /** The full row to insert, when the provider's item was unknown to us. */
  create?: Row;
  /** The columns to update on the existing row. */
  patch: Partial<Row>;
}

export interface ProfileCompareContext {
  accountId: string;
  runId: number;
  /** Our clock just before the provider's page was requested. */
  fetchedAt: Date;
  now: Date;
}

const stateText = (esim: string | null, smdp: string | null) =>
  esim === null || smdp === null ? null : `${esim}/${smdp}`;

/** What is known of a profile: an `esim/query` item, or the part of one the app recorded. */
export type ProfileFacts = Pick<EsimAccessProfile, 'esimTranNo' | 'orderNo'> &
  Partial<Omit<EsimAccessProfile, 'esimTranNo' | 'orderNo'>>;

/** Columns the query returns that only a missed event (or an error) could make differ; empty values mean "not yet". */
function metadata(p: ProfileFacts) {
  return {
    orderNo: p.orderNo,
    iccid: p.iccid || null,
    transactionId: p.transactionId ?? null,
    eid: p.eid || null,
    packageCode: p.packageList?.[0]?.packageCode ?? null,
    expiredTime: p.expiredTime || null,
    totalDuration: p.totalDuration ?? null,
  };
}

/** The columns of a new row holding what `p` says (state and totals null where it says nothing). */
export function profileColumns(p: ProfileFacts) {
  return {
    ...metadata(p),
    esimStatus: p.esimStatus ?? null,
    smdpStatus: p.smdpStatus ?? null,
    totalVolume: p.totalVolume ?? null,
    orderUsage: p.orderUsage ?? null,
  };
}

const totalsText = (volume: number | null | undefined, days: number | null | undefined) =>
  `${volume ?? '-'}/${days ?? '-'}`;

/**
 * Only a top-up grows a profile's data total or its days. One the store was not told of (`recordTopUp`) is a
 * purchase unknown to it, reported once as such rather than as the usage and expiry changes it brings.
 */
function unrecordedTopUp(row: ProfileRow, p: EsimAccessProfile): Finding | undefined {
  const grew = (stored: number | null, provided: number | null | undefined) =>
    stored !== null && provided != null && provided > stored;
  if (!grew(row.totalVolume, p.totalVolume) && !grew(row.totalDuration, p.totalDuration)) return undefined;
  return {
    kind: 'unknown_to_us',
    subjectType: 'profile',
    subjectId: p.esimTranNo,
    field: 'topUp',
    storeValue: totalsText(row.totalVolume, row.totalDuration),
    providerValue: totalsText(p.totalVolume, p.totalDuration),
  };
}

function sameValue(field: string, a: string | number, b: string | number): boolean {
  if (field === 'expiredTime') return parseProviderTime(String(a)) === parseProviderTime(String(b));
  return a === b;
}

export function compareProfile(
  row: ProfileRow | undefined,
  p: EsimAccessProfile,
  ctx: ProfileCompareContext,
): Comparison<NewProfileRow> {
  const subject = { subjectType: 'profile' as const, subjectId: p.esimTranNo };
  const provided = stateText(p.esimStatus, p.smdpStatus);
  if (!row) {
    return {
      findings: [
        { kind: 'unknown_to_us', ...subject, field: '*', storeValue: null, providerValue: provided },
      ],
      create: {
        accountId: ctx.accountId,
        esimTranNo: p.esimTranNo,
        ...profileColumns(p),
        stateSource: 'sync',
        stateChangedAt: ctx.now,
        lastSeenRun: ctx.runId,
      },
      patch: {},
    };
  }
  const findings: Finding[] = [];
  const patch: Partial<NewProfileRow> = { lastSeenRun: ctx.runId, missingAtProvider: false };
  // A webhook applied after we asked the provider is newer than the page: leave the state to it.
  if (row.stateChangedAt <= ctx.fetchedAt) {
    const stored = stateText(row.esimStatus, row.smdpStatus);
    const kind =
      row.esimStatus === null || row.smdpStatus === null
        ? 'missed_webhook'
        : classifyStateDrift(
            { esimStatus: row.esimStatus, smdpStatus: row.smdpStatus },
            { esimStatus: p.esimStatus, smdpStatus: p.smdpStatus },
          );
    if (kind !== 'none') {
      findings.push({ kind, ...subject, field: 'state', storeValue: stored, providerValue: provided });
      Object.assign(patch, {
        esimStatus: p.esimStatus,
        smdpStatus: p.smdpStatus,
        stateSource: 'sync',
        stateEventAt: null,
        stateChangedAt: ctx.now,
      });
    }
  }
  const topUp = unrecordedTopUp(row, p);
  if (topUp) {
    findings.push(topUp);
    if (p.totalVolume != null) patch.totalVolume = p.totalVolume;
  } else if (row.totalVolume === null && row.stateSource === 'local' && p.totalVolume != null) {
    // The app named the profile (recordOrder) without its volume: learning it is not drift.
    patch.totalVolume = p.totalVolume;
  }
  // Activation restarts the expiry (unused period, then validity) and an expiry sets it to when the period ended:
  // part of the state's news, not a drift of its own; so are the days and expiry a top-up adds.
  const expiryMoved = expiryMayHaveMoved(row.esimStatus, p.esimStatus);
  for (const [field, value] of Object.entries(metadata(p)) as [
    keyof ReturnType<typeof metadata>,
    string | number | null,
  ][]) {
    const current = row[field];
    if (value === null || (current !== null && sameValue(field, current, value))) continue;
    const news =
      (field === 'expiredTime' && (expiryMoved || topUp !== undefined)) ||
      (field === 'totalDuration' && topUp !== undefined);
    if (current !== null && !news) {
      findings.push({
        kind: 'status_mismatch',
        ...subject,
        field,
        storeValue: current,
        providerValue: value,
      });
    }
    Object.assign(patch, { [field]: value });
  }
  // A profile never activated has used no data: the listing's figures are its usage, and the usage stream skips it.
  const esimStatus = patch.esimStatus ?? row.esimStatus;
  if (esimStatus !== null && NEVER_ACTIVATED_ESIM_STATUSES.has(esimStatus)) {
    const usage = compareTotals({ ...row, ...patch }, p.orderUsage, p.totalVolume);
    findings.push(...usage.findings);
    Object.assign(patch, usage.patch);
  }
  return { findings, patch };
}

/** Data used and data total against the provider's figures; an absent figure says nothing. */
function compareTotals(
  row: Pick<ProfileRow, 'esimTranNo' | 'orderUsage' | 'totalVolume'>,
  used: number | null | undefined,
  total: number | null | undefined,
): Comparison<NewProfileRow> {
  const findings: Finding[] = [];
  const patch: Partial<NewProfileRow> = {};
  const pairs = [
    ['orderUsage', row.orderUsage, used],
    ['totalVolume', row.totalVolume, total],
  ] as const;
  for (const [field, stored, provided] of pairs) {
    if (provided == null || stored === provided) continue;
    // Unknown and zero are the same belief.
    if (!(stored === null && provided === 0)) {
      findings.push({
        kind: 'usage_mismatch',
        subjectType: 'profile',
        subjectId: row.esimTranNo,
        field,
        storeValue: stored,
        providerValue: provided,
      });
    }
    patch[field] = provided;
  }
  return { findings, patch };
}

export function compareUsage(row: ProfileRow, usage: EsimAccessUsage): Comparison<NewProfileRow> {
  const { findings, patch } = compareTotals(row, usage.dataUsage, usage.totalData);
  return {
    findings,
    patch: {
      ...patch,
      usageUpdatedAt: usage.lastUpdateTime ?? row.usageUpdatedAt,
      usageFinal: row.esimStatus !== null && TERMINAL_ESIM_STATUSES.has(row.esimStatus),
    },
  };
}

type NewRedeemCodeRow = typeof redeemCodes.$inferInsert;

export function compareRedeemCode(
  row: RedeemCodeRow | undefined,
  code: IroamlyRedeemCode,
  ctx: { accountId: string; orderNo: string; runId: number; qrCodeUrl: string | undefined },
): Comparison<NewRedeemCodeRow> {
  const subject = { subjectType: 'redeem_code' as const, subjectId: code.redeemCode };
  if (!row) {
    return {
      findings: [
        { kind: 'unknown_to_us', ...subject, field: '*', storeValue: null, providerValue: code.status },
      ],
      create: {
        accountId: ctx.accountId,
        redeemCode: code.redeemCode,
        orderNo: ctx.orderNo,
        productCode: code.productCode,
        expireAt: code.expire_at,
        status: code.status,
        qrCodeUrl: ctx.qrCodeUrl ?? null,
        lastSeenRun: ctx.runId,
      },
      patch: {},
    };
  }
  const findings: Finding[] = [];
  const patch: Partial<NewRedeemCodeRow> = { lastSeenRun: ctx.runId, missingAtProvider: false };
  const pairs = [
    ['status', row.status, code.status],
    ['expireAt', row.expireAt, code.expire_at],
    ['productCode', row.productCode, code.productCode],
    ['qrCodeUrl', row.qrCodeUrl, ctx.qrCodeUrl ?? null],
  ] as const;
  for (const [field, stored, provided] of pairs) {
    if (provided === null || stored === provided) continue;
    // iRoamly sends no webhooks: a status it moved on is the store being stale, reported as a mismatch.
    if (stored !== null)
      findings.push({
        kind: 'status_mismatch',
        ...subject,
        field,
        storeValue: stored,
        providerValue: provided,
      });
    Object.assign(patch, { [field]: provided });
  }
  return { findings, patch };
}
