/**
 * The profile lifecycle as one table: for every move, the (esimStatus, smdpStatus) pairs it may start from and where
 * it lands. Every operation asks {@link planMove}; a move the table does not allow is answered 200002 from here and
 * nowhere else.
 *
 * Sources: NOTES 1.4 (state table, install sequence, common pairs), the spec (cancel only GOT_RESOURCE+RELEASED,
 * revoke non-refundable, top-up not after expiry). Inferred: suspend/unsuspend returns to the previous esimStatus; revoke
 * deletes the profile on the SM-DP+; a device disables, re-enables or deletes its profile whatever the provider's
 * status (the state table's In use/Depleted/Deleted rows keep their esimStatus), and a disabled or deleted profile
 * uses no data.
 * @module
 */
import type { EsimAccessEsimStatus, EsimAccessSmdpStatus } from '@esim-sandbox/core';
import type { ProfileRecord, ProfileStatus } from './types.js';

export type ProfileMove =
  | 'download'
  | 'install'
  | 'enable'
  | 'disable'
  | 'reenable'
  | 'delete'
  | 'activate'
  | 'addUsage'
  | 'useUp'
  | 'renewDay'
  | 'expireUnused'
  | 'expireUsed'
  | 'suspend'
  | 'unsuspend'
  | 'cancel'
  | 'revoke'
  | 'topUp'
  | 'sendSms';

/** The table spells `REVOKE`, the webhooks `REVOKED`; which one the mock writes is a setting. */
export type RevokedStatus = Extract<EsimAccessEsimStatus, 'REVOKE' | 'REVOKED'>;

type Target = EsimAccessEsimStatus | 'PREVIOUS' | 'REVOKED_AS_CONFIGURED';

interface Rule {
  readonly esim: readonly EsimAccessEsimStatus[];
  /** Any smdpStatus when absent. */
  readonly smdp?: readonly EsimAccessSmdpStatus[];
  /** Unchanged when absent. */
  readonly toEsim?: Target;
  readonly toSmdp?: EsimAccessSmdpStatus;
}

const LIVE: readonly EsimAccessEsimStatus[] = ['GOT_RESOURCE', 'IN_USE', 'USED_UP'];
const ON_DEVICE: readonly EsimAccessSmdpStatus[] = ['ENABLED', 'DISABLED'];
const INSTALLED: readonly EsimAccessSmdpStatus[] = ['INSTALLATION', ...ON_DEVICE];
/** Every SM-DP+ status but DELETED: the profile still exists somewhere (on the server or on a device). */
const NOT_DELETED: readonly EsimAccessSmdpStatus[] = ['RELEASED', 'DOWNLOAD', 'INSTALLATION', ...ON_DEVICE];
/** What a device may hold: anything downloaded that the provider has not cancelled or revoked. */
const DEVICE_HELD: readonly EsimAccessEsimStatus[] = [...LIVE, 'SUSPENDED', 'USED_EXPIRED', 'UNUSED_EXPIRED'];

export const PROFILE_TRANSITIONS: Readonly<Record<ProfileMove, readonly Rule[]>> = {
  // Device side (NOTES 1.4 install sequence): RELEASED -> DOWNLOAD -> INSTALLATION -> ENABLED.
  download: [{ esim: ['GOT_RESOURCE'], smdp: ['RELEASED'], toSmdp: 'DOWNLOAD' }],
  install: [{ esim: ['GOT_RESOURCE'], smdp: ['DOWNLOAD'], toSmdp: 'INSTALLATION' }],
  enable: [{ esim: ['GOT_RESOURCE'], smdp: ['INSTALLATION'], toSmdp: 'ENABLED' }],
  // The device switches its profile off and on again.
  disable: [{ esim: DEVICE_HELD, smdp: ['ENABLED'], toSmdp: 'DISABLED' }],
  reenable: [{ esim: DEVICE_HELD, smdp: ['DISABLED'], toSmdp: 'ENABLED' }],
  // The user deletes the profile from the device; it cannot come back (one-time download).
  delete: [{ esim: DEVICE_HELD, smdp: ON_DEVICE, toSmdp: 'DELETED' }],
  // On install (activeType 1) or on first network use (activeType 2).
  activate: [{ esim: ['GOT_RESOURCE'], smdp: ['ENABLED'], toEsim: 'IN_USE' }],
  // Only an enabled profile is on the network.
  addUsage: [{ esim: ['IN_USE'], smdp: ['ENABLED'] }],
  useUp: [{ esim: ['IN_USE'], smdp: ['ENABLED'], toEsim: 'USED_UP' }],
  // A day pass cut off for the day (dataType 3) gets its next day's allowance.
  renewDay: [{ esim: ['USED_UP'], toEsim: 'IN_USE' }],
  // The unused period runs out before first use, whatever the device did with the profile.
  expireUnused: [{ esim: ['GOT_RESOURCE'], toEsim: 'UNUSED_EXPIRED' }],
  // Validity after activation ends; a suspended profile's clock keeps running.
  expireUsed: [{ esim: ['IN_USE', 'USED_UP', 'SUSPENDED'], toEsim: 'USED_EXPIRED' }],
  suspend: [
    {
      esim: LIVE,
      smdp: ['RELEASED', 'DOWNLOAD', 'INSTALLATION', 'ENABLED', 'DISABLED'],
      toEsim: 'SUSPENDED',
    },
  ],
  unsuspend: [{ esim: ['SUSPENDED'], toEsim: 'PREVIOUS' }],
  cancel: [{ esim: ['GOT_RESOURCE'], smdp: ['RELEASED'], toEsim: 'CANCEL' }],
  revoke: [{ esim: [...LIVE, 'SUSPENDED'], toEsim: 'REVOKED_AS_CONFIGURED', toSmdp: 'DELETED' }],
  // New, In use and Depleted only (spec/TU), not Deleted; more volume brings a depleted profile back into use.
  topUp: [
    { esim: ['GOT_RESOURCE', 'IN_USE'], smdp: NOT_DELETED },
    { esim: ['USED_UP'], smdp: NOT_DELETED, toEsim: 'IN_USE' },
  ],
  // The docs: only installed eSIMs that support SMS receive it; never installed (RELEASED, DOWNLOAD) is refused.
  sendSms: [{ esim: LIVE, smdp: INSTALLED }],
};

export type MovePlan =
  | { readonly ok: true; readonly next: ProfileStatus; readonly changed: boolean }
  | { readonly ok: false; readonly code: '200002'; readonly message: string };

export interface MoveOptions {
  readonly revokedStatus: RevokedStatus;
}

/** Where `move` takes `profile`, or the provider's 200002 naming the current pair. */
export function planMove(profile: ProfileRecord, move: ProfileMove, options: MoveOptions): MovePlan {
  const rule = PROFILE_TRANSITIONS[move].find(
    (r) =>
      r.esim.includes(profile.esimStatus) && (r.smdp === undefined || r.smdp.includes(profile.smdpStatus)),
  );
  if (!rule) {
    return {
      ok: false,
      code: '200002',
      message: `${move} is not allowed for esimStatus ${profile.esimStatus} / smdpStatus ${profile.smdpStatus} (esimTranNo ${profile.esimTranNo})`,
    };
  }
  let esimStatus = profile.esimStatus;
  const smdpStatus = rule.toSmdp ?? profile.smdpStatus;
  if (rule.toEsim === 'PREVIOUS') {
    // Only SUSPENDED reaches here, and suspend always records where it came from. The SM-DP+ status stays: the
    // device may have disabled or deleted the profile meanwhile.
    esimStatus = profile.suspendedFrom?.esimStatus ?? 'GOT_RESOURCE';
  } else if (rule.toEsim === 'REVOKED_AS_CONFIGURED') {
    esimStatus = options.revokedStatus;
  } else if (rule.toEsim !== undefined) {
    esimStatus = rule.toEsim;
  }
  const changed = esimStatus !== profile.esimStatus || smdpStatus !== profile.smdpStatus;
  return { ok: true, next: { esimStatus, smdpStatus }, changed };
}
