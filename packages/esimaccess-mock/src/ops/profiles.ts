/**
 * Finding a profile the way requests name it (esimTranNo or iccid) and rendering it as esim/query answers.
 * @module
 */
import type { EsimAccessProfile } from '@esim-sandbox/core';
import { formatProviderTime } from '../state/time.js';
import type { EsimAccessAccountState, ProfileRecord } from '../state/types.js';
import { fail, type OpResult, ok, type ProfileLinks } from './context.js';

export interface ProfileRef {
  iccid?: string | undefined;
  esimTranNo?: string | undefined;
}

/**
 * The profile named by `esimTranNo` (preferred: ICCIDs are reused) or `iccid`. Unknown, or the two naming different
 * profiles: 310403, the closest documented text ("ICCID not in the order": not in any of this account's orders).
 */
export function findProfile(state: EsimAccessAccountState, ref: ProfileRef): OpResult<ProfileRecord> {
  const byTranNo = ref.esimTranNo ? state.profiles[ref.esimTranNo] : undefined;
  const tranNoOfIccid = ref.iccid ? state.esimTranNoByIccid[ref.iccid] : undefined;
  const byIccid = tranNoOfIccid ? state.profiles[tranNoOfIccid] : undefined;
  const profile = ref.esimTranNo ? byTranNo : byIccid;
  if (!profile || (ref.esimTranNo && ref.iccid && byIccid !== byTranNo)) {
    const what = ref.esimTranNo ? `esimTranNo ${ref.esimTranNo}` : `iccid ${ref.iccid ?? ''}`;
    return fail('310403', `no profile with ${what} in this account's orders`);
  }
  return ok(profile);
}

/** Before activation the profile expires when its unused period ends; after, when validity ends. */
export function profileExpiry(profile: ProfileRecord): number {
  return profile.expiresAt ?? profile.unusedExpiresAt;
}

const time = (ms: number | null): string | null => (ms === null ? null : formatProviderTime(ms));

export function renderProfile(profile: ProfileRecord, links: ProfileLinks): EsimAccessProfile {
  return {
    esimTranNo: profile.esimTranNo,
    orderNo: profile.orderNo,
    transactionId: profile.transactionId,
    imsi: profile.imsi,
    iccid: profile.iccid,
    smsStatus: profile.smsStatus,
    msisdn: profile.msisdn,
    ac: profile.ac,
    qrCodeUrl: links.qrCodeUrl(profile.qrId),
    shortUrl: links.shortUrl(profile.qrId),
    smdpStatus: profile.smdpStatus,
    eid: profile.eid,
    activeType: profile.activeType,
    dataType: profile.dataType,
    activateTime: time(profile.activatedAt),
    installationTime: time(profile.installedAt),
    expiredTime: formatProviderTime(profileExpiry(profile)),
    totalVolume: profile.totalVolume,
    totalDuration: profile.totalDuration,
    durationUnit: profile.durationUnit,
    orderUsage: profile.orderUsage,
    esimStatus: profile.esimStatus,
    pin: profile.pin,
    puk: profile.puk,
    apn: profile.apn,
    packageList: profile.packages.map((p) => ({
      packageName: p.packageName,
      packageCode: p.packageCode,
      slug: p.slug,
      duration: p.duration,
      volume: p.volume,
      locationCode: p.locationCode,
      createTime: formatProviderTime(p.createTime),
    })),
  };
}
