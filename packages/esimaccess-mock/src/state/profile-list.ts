/**
 * All of an account's profiles in creation order, kept beside the plain state. `Object.values(state.profiles)` looks
 * cheap but is not: esimTranNos are numeric strings too large for array indices, so a big account's profile map is
 * a dictionary whose enumeration sorts every key, and `esim/query` over 10,000 profiles spent ~5 ms per request doing
 * it. The list is rebuilt from the map when the map is another object (restore, reset, a state file) and extended by
 * {@link addProfile}, the one place profiles come into existence.
 * @module
 */
import type { EsimAccessAccountState, ProfileRecord } from './types.js';

interface Listed {
  list: ProfileRecord[];
  /** createdAt never decreases along the list (the virtual clock only moves forward), so ranges can be bisected. */
  byCreation: boolean;
}

const lists = new WeakMap<Record<string, ProfileRecord>, Listed>();

function listed(state: EsimAccessAccountState): Listed {
  const byId = state.profiles;
  let entry = lists.get(byId);
  const last = entry?.list.at(-1);
  // The map is plain data anyone could edit: a list whose newest profile is no longer the map's is rebuilt.
  if (!entry || (last !== undefined && byId[last.esimTranNo] !== last)) {
    const list = Object.values(byId);
    entry = { list, byCreation: list.every((p, i) => i === 0 || list[i - 1]!.createdAt <= p.createdAt) };
    lists.set(byId, entry);
  }
  return entry;
}

/** The profiles in creation order; read-only (the same array is handed out again). */
export function profileList(state: EsimAccessAccountState): readonly ProfileRecord[] {
  return listed(state).list;
}

/** Profiles created within [from, to] (ms), in creation order. */
export function profilesCreatedBetween(
  state: EsimAccessAccountState,
  from: number,
  to: number,
): readonly ProfileRecord[] {
  const { list, start, end } = createdRange(state, from, to);
  return list.slice(start, end);
}

/**
 * Page `skip`..`skip + take` of {@link profilesCreatedBetween} and how many profiles it has, without copying the
 * rest: at 10,000 profiles the copy was most of what an esim/query page allocated.
 */
export function pageCreatedBetween(
  state: EsimAccessAccountState,
  from: number,
  to: number,
  skip: number,
  take: number,
): { page: readonly ProfileRecord[]; total: number } {
  const { list, start, end } = createdRange(state, from, to);
  const first = Math.min(start + skip, end);
  return { page: list.slice(first, Math.min(first + take, end)), total: end - start };
}

/** Where the profiles created within [from, to] lie: a run of the list, bisected, or all of a filtered copy. */
function createdRange(
  state: EsimAccessAccountState,
  from: number,
  to: number,
): { list: readonly ProfileRecord[]; start: number; end: number } {
  const { list, byCreation } = listed(state);
  if (!byCreation) {
    const kept = list.filter((p) => p.createdAt >= from && p.createdAt <= to);
    return { list: kept, start: 0, end: kept.length };
  }
  return {
    list,
    start: firstIndex(list, (p) => p.createdAt >= from),
    end: firstIndex(list, (p) => p.createdAt > to),
  };
}

export function addProfile(state: EsimAccessAccountState, profile: ProfileRecord): void {
  flattenStrings(profile);
  state.profiles[profile.esimTranNo] = profile;
  state.esimTranNoByIccid[profile.iccid] = profile.esimTranNo;
  const entry = lists.get(state.profiles);
  if (!entry) return;
  const last = entry.list.at(-1);
  if (last && last.createdAt > profile.createdAt) entry.byCreation = false;
  entry.list.push(profile);
}

/** The first index whose profile satisfies `after` (which holds for a suffix of the list), by bisection. */
function firstIndex(list: readonly ProfileRecord[], after: (p: ProfileRecord) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (after(list[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The profile's own ids built by concatenation, a character or a piece at a time: V8 keeps each as a rope (a 32-byte
 * node per piece, 20 for a 32-character QR id, ~750 bytes a profile) until something happens to serialise it.
 * esimTranNo and iccid are not listed: {@link addProfile} uses them as keys, which flattens them wherever they are
 * held, and orderNo/transactionId are shared with the order.
 */
const ROPE_FIELDS = ['imsi', 'ac', 'qrId'] as const;

function flattenStrings(profile: ProfileRecord): void {
  // A copy through JSON is a flat string with exactly the same characters, for about a microsecond.
  for (const field of ROPE_FIELDS) {
    const value: unknown = profile[field];
    if (typeof value === 'string') profile[field] = JSON.parse(JSON.stringify(value)) as string;
  }
}
