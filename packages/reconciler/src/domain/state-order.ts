/**
 * The order of eSIM Access profile states, so a late or duplicated webhook never moves a profile backwards.
 *
 * Each of `esimStatus` and `smdpStatus` has a rank (NOTES 1.4). A state may move:
 * - forward (higher rank), even when the event's age is unknown;
 * - along a reversible move (suspend/unsuspend, a top-up reviving a used-up profile, enable/disable) only
 *   when the incoming event carries a provider time newer than the current state's (or the current state's
 *   time is unknown, as after a sync);
 * - never out of a terminal state (expired, cancelled, revoked; smdp DELETED).
 * An event whose provider time is older than the one that set the current state is late and changes nothing.
 * @module
 */
import type { EsimAccessEsimStatus, EsimAccessSmdpStatus } from '@esim-sandbox/core';

/** Lifecycle rank. SUSPENDED shares IN_USE's rank: it is a side state, left and entered by reversible moves. */
export const ESIM_STATUS_RANK: Readonly<Record<EsimAccessEsimStatus, number>> = {
  CREATE: 0,
  PAYING: 1,
  PAID: 2,
  GETTING_RESOURCE: 3,
  GOT_RESOURCE: 4,
  IN_USE: 5,
  SUSPENDED: 5,
  USED_UP: 6,
  UNUSED_EXPIRED: 9,
  USED_EXPIRED: 9,
  CANCEL: 9,
  REVOKE: 9,
  REVOKED: 9,
};

/** SM-DP+ rank; ENABLED and DISABLED toggle, DELETED is final. */
export const SMDP_STATUS_RANK: Readonly<Record<EsimAccessSmdpStatus, number>> = {
  RELEASED: 0,
  DOWNLOAD: 1,
  INSTALLATION: 2,
  ENABLED: 3,
  DISABLED: 3,
  DELETED: 9,
};

export const TERMINAL_ESIM_STATUSES: ReadonlySet<string> = new Set([
  'UNUSED_EXPIRED',
  'USED_EXPIRED',
  'CANCEL',
  'REVOKE',
  'REVOKED',
]);
export const TERMINAL_SMDP_STATUSES: ReadonlySet<string> = new Set(['DELETED']);

/**
 * States of a profile that was never activated, so has used no data: the documented New and Onboard states
 * (GOT_RESOURCE, orderUsage 0, NOTES 1.4), the states before them, a cancel (allowed only from New) and the end of
 * the unused period (which only runs before activation). A top-up can still grow its data total.
 */
export const NEVER_ACTIVATED_ESIM_STATUSES: ReadonlySet<string> = new Set([
  'CREATE',
  'PAYING',
  'PAID',
  'GETTING_RESOURCE',
  'GOT_RESOURCE',
  'CANCEL',
  'UNUSED_EXPIRED',
]);

/** States only an activated profile reaches. */
const ACTIVATED_ESIM_STATUSES: ReadonlySet<string> = new Set(['IN_USE', 'USED_UP', 'USED_EXPIRED']);

/**
 * True when a profile may have been activated on its way from `from` (null: unknown) to `to`. Activation restarts
 * `expiredTime` (before it the provider counts the unused period, after it the validity) and no webhook carries the
 * new value: it is news for the next sync, not a drift of its own. SUSPENDED says nothing either way (both unused
 * and activated profiles can be suspended), so it counts as "maybe" on both sides.
 */
export function mayHaveBeenActivated(from: string | null, to: string): boolean {
  if (from !== null && normaliseEsimStatus(from) === normaliseEsimStatus(to)) return false;
  const unactivated =
    from === null ||
    from === 'SUSPENDED' ||
    rankOf(ESIM_STATUS_RANK, normaliseEsimStatus(from)) <= ESIM_STATUS_RANK.GOT_RESOURCE;
  return unactivated && (ACTIVATED_ESIM_STATUSES.has(to) || to === 'SUSPENDED');
}

const EXPIRED_ESIM_STATUSES: ReadonlySet<string> = new Set(['UNUSED_EXPIRED', 'USED_EXPIRED']);

/**
 * True when the move from `from` (null: unknown) to `to` may have moved `expiredTime` with no webhook carrying the
 * new value: activation restarts it ({@link mayHaveBeenActivated}), and an expiry sets it to when the period
 * really ended (earlier than planned when the provider ends it early).
 */
export function expiryMayHaveMoved(from: string | null, to: string): boolean {
  if (mayHaveBeenActivated(from, to)) return true;
  return EXPIRED_ESIM_STATUSES.has(to) && (from === null || normaliseEsimStatus(from) !== to);
}

export interface ProfileState {
  esimStatus: string;
  smdpStatus: string;
  /** Provider time (ms) of the event that set this state; null/undefined when unknown (a sync, an old payload). */
  eventAt?: number | null | undefined;
}

export type TransitionOutcome = 'applied' | 'duplicate' | 'stale' | 'terminal';

export interface TransitionDecision {
  outcome: TransitionOutcome;
  /** The state to store; equal to the current one unless `outcome` is `applied`. */
  next: ProfileState;
  /**
   * A duplicate with a newer provider time: the current state still held then, so store this time with it. A
   * reversible event older than it (a suspension overtaken by its unsuspension) is then recognised as late.
   */
  confirmedAt?: number;
}

/** The docs' field table spells REVOKE, the webhooks REVOKED: one state. */
export function normaliseEsimStatus(status: string): string {
  return status === 'REVOKE' ? 'REVOKED' : status;
}

const rankOf = (table: Readonly<Record<string, number>>, status: string): number => table[status] ?? -1;

function isReversible(field: 'esim' | 'smdp', from: string, to: string): boolean {
  if (field === 'smdp')
    return SMDP_STATUS_RANK[from as EsimAccessSmdpStatus] === 3 && rankOf(SMDP_STATUS_RANK, to) === 3;
  if (TERMINAL_ESIM_STATUSES.has(from) || TERMINAL_ESIM_STATUSES.has(to)) return false;
  if (from === 'SUSPENDED' || to === 'SUSPENDED') return true;
  // A top-up brings a depleted profile back into use.
  return from === 'USED_UP' && to === 'IN_USE';
}

type Move = 'same' | 'forward' | 'reversible' | 'backward' | 'terminal';

function move(field: 'esim' | 'smdp', from: string, to: string): Move {
  const table = field === 'esim' ? ESIM_STATUS_RANK : SMDP_STATUS_RANK;
  const terminal = field === 'esim' ? TERMINAL_ESIM_STATUSES : TERMINAL_SMDP_STATUSES;
  const a = field === 'esim' ? normaliseEsimStatus(from) : from;
  const b = field === 'esim' ? normaliseEsimStatus(to) : to;
  if (a === b) return 'same';
  if (terminal.has(a)) return 'terminal';
  if (isReversible(field, a, b)) return 'reversible';
  return rankOf(table, b) > rankOf(table, a) ? 'forward' : 'backward';
}

/**
 * What an incoming webhook state does to the stored one. Each field moves on its own rules; the event time
 * guards both.
 */
export function decideTransition(
  current: ProfileState | undefined,
  incoming: ProfileState,
): TransitionDecision {
  if (current === undefined) return { outcome: 'applied', next: incoming };
  const known = current.eventAt != null && incoming.eventAt != null;
  if (known && incoming.eventAt! < current.eventAt!) return { outcome: 'stale', next: current };
  // A state set by a sync has no provider time. A timed event is taken as the newer one: events are delivered
  // within seconds, syncs run minutes apart, so a real change after a sync is far likelier than a late event.
  const newer = incoming.eventAt != null && (current.eventAt == null || incoming.eventAt > current.eventAt);

  const take = (m: Move) => m === 'forward' || (m === 'reversible' && newer);
  const esim = move('esim', current.esimStatus, incoming.esimStatus);
  const smdp = move('smdp', current.smdpStatus, incoming.smdpStatus);
  if (esim === 'same' && smdp === 'same') {
    return newer
      ? { outcome: 'duplicate', next: current, confirmedAt: incoming.eventAt! }
      : { outcome: 'duplicate', next: current };
  }

  const takeEsim = take(esim);
  // An event that moves esimStatus on happened after the current state, so its smdpStatus is the newer one too
  // (DELETED excepted: nothing comes after it).
  const takeSmdp = take(smdp) || (takeEsim && smdp !== 'terminal' && smdp !== 'same');
  if (!takeEsim && !takeSmdp) {
    const terminal = esim === 'terminal' || smdp === 'terminal';
    return { outcome: terminal ? 'terminal' : 'stale', next: current };
  }
  const eventAt =
    incoming.eventAt != null
      ? Math.max(incoming.eventAt, current.eventAt ?? incoming.eventAt)
      : current.eventAt;
  return {
    outcome: 'applied',
    next: {
      esimStatus: takeEsim ? incoming.esimStatus : current.esimStatus,
      smdpStatus: takeSmdp ? incoming.smdpStatus : current.smdpStatus,
      eventAt: eventAt ?? null,
    },
  };
}

/**
 * How a store state differs from the provider's, for drift reports: `missed_webhook` when the provider's state
 * can be reached from ours by moves a webhook would have told us about; `status_mismatch` when ours is ahead of
 * the provider, or on a branch the provider never took.
 */
export function classifyStateDrift(
  store: ProfileState,
  provider: ProfileState,
): 'none' | 'missed_webhook' | 'status_mismatch' {
  const esim = move('esim', store.esimStatus, provider.esimStatus);
  const smdp = move('smdp', store.smdpStatus, provider.smdpStatus);
  if (esim === 'same' && smdp === 'same') return 'none';
  const reachable = (m: Move) => m === 'same' || m === 'forward' || m === 'reversible';
  return reachable(esim) && reachable(smdp) ? 'missed_webhook' : 'status_mismatch';
}

/** Provider times come as `2024-05-29T18:34:17+0000`, `...Z` or `+00:00`; null when absent or unreadable. */
export function parseProviderTime(value: string | null | undefined): number | null {
  if (!value) return null;
  const iso = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

/**
 * Order statuses: only GOT_RESOURCE is documented (NOTES 1.4); PENDING is ours for "placed, not yet allocated".
 * Anything else (FAILED, CANCEL, seen by some integrations) is treated as final.
 */
const ORDER_STATUS_RANK: Readonly<Record<string, number>> = { PENDING: 0, GOT_RESOURCE: 1 };

export function orderStatusAdvances(from: string | null, to: string): boolean {
  if (from === null) return true;
  if (from === to) return false;
  return (ORDER_STATUS_RANK[to] ?? 2) > (ORDER_STATUS_RANK[from] ?? 2);
}
