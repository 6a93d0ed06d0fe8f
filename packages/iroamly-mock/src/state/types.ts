/**
 * @module
 * One iRoamly account's state as plain JSON: the engine persists, snapshots and restores it as is, so nothing
 * here may hold a class instance, a Map or a Date. Times are virtual ms since the epoch.
 */
import type { IroamlyRedeemCodeStatus } from '@esim-sandbox/core';

export interface OrderLine {
  productCode: string;
  quantity: number;
  /** Minor units (1/100 credit) per code, as charged at purchase time. */
  unitPrice: number;
}

export interface Order {
  orderId: string;
  email: string;
  createdAt: number;
  lines: OrderLine[];
  /** Minor units debited for the whole order. */
  total: number;
  /** Redeem codes in the order they were issued (line by line). */
  codes: string[];
}

export interface RedeemCodeRecord {
  redeemCode: string;
  productCode: string;
  orderId: string;
  /** `YYYY-MM-DD` (UTC): the code can be redeemed up to the end of this day. */
  expire_at: string;
  status: IroamlyRedeemCodeStatus;
  /** Where the QR code was (or is being) sent. */
  email?: string | undefined;
  /** The redemption that currently owns this code (status 1) or last did. */
  redemptionId?: string | undefined;
  redeemedAt?: number | undefined;
  /** `LPA:1$<smdp>$<matching id>`: the activation code, set once redeemed. */
  lpa?: string | undefined;
  /** Random path token of the QR image (`/qrcode/<token>.png`), set once redeemed. */
  qrToken?: string | undefined;
  /** Why the last redemption failed (status 3). */
  failureReason?: string | undefined;
}

export interface Redemption {
  id: string;
  email: string;
  codes: string[];
  requestedAt: number;
  /** When the provider finishes: requestedAt + base + perCode × codes. */
  dueAt: number;
  /** Decided at request time so "fail the next redemption" targets exactly one request. */
  outcome: 'success' | 'failure';
  failureReason?: string | undefined;
  completedAt?: number | undefined;
  /** Origin the request came in on: the mailed QR links point there (see `OutboxMessage.baseUrl`). */
  baseUrl?: string | undefined;
}

export type OutboxKind = 'codes_purchased' | 'qr_redeemed' | 'redemption_failed';

export interface OutboxCode {
  redeemCode: string;
  productCode: string;
  plan: string;
  expire_at: string;
  lpa?: string | undefined;
  qrToken?: string | undefined;
}

/**
 * A mail the provider "sent". Stored as data; the text/html bodies and absolute QR URLs are rendered when read
 * (see `renderOutboxMessage`), because the base URL depends on how the fake is reached (port, msw, proxy).
 */
export interface OutboxMessage {
  id: string;
  kind: OutboxKind;
  to: string;
  subject: string;
  createdAt: number;
  orderId?: string | undefined;
  redemptionId?: string | undefined;
  codes: OutboxCode[];
  failureReason?: string | undefined;
  /** Where the QR links in this mail point: the origin the redeem request was sent to (port, msw host). */
  baseUrl?: string | undefined;
}

export interface AccountState {
  /** Minor units (1/100 credit). Never negative. */
  balance: number;
  orders: Record<string, Order>;
  codes: Record<string, RedeemCodeRecord>;
  redemptions: Record<string, Redemption>;
  outbox: OutboxMessage[];
  /** QR image token → redeem code, so the public image route finds a code without a scan. */
  qrTokens: Record<string, string>;
  /** Ids are `prefix_<counter>` so they are stable per seed and never reused, even after a restore. */
  counters: { redemption: number; message: number };
  /** Control API: the next N accepted redemptions end in status 3, with this reason. */
  pendingFailures: { reason: string }[];
}

/** The tables keyed by ids a caller sends (orderId, redeem code, QR token) or the mock issues. */
const ID_TABLES = [
  'orders',
  'codes',
  'redemptions',
  'qrTokens',
] as const satisfies readonly (keyof AccountState)[];

/**
 * A null-prototype copy of `entries`: an id such as `constructor` or `__proto__` is then an ordinary key,
 * absent until stored, where a `{}` literal would answer with Object.prototype's members.
 */
export function idTable<T>(entries: Readonly<Record<string, T>> = {}): Record<string, T> {
  const table = Object.create(null) as Record<string, T>;
  for (const key of Object.keys(entries)) table[key] = entries[key] as T;
  return table;
}

export function createAccountState(options: { balance?: number | undefined } = {}): AccountState {
  return {
    balance: options.balance ?? 0,
    orders: idTable(),
    codes: idTable(),
    redemptions: idTable(),
    outbox: [],
    qrTokens: idTable(),
    counters: { redemption: 0, message: 0 },
    pendingFailures: [],
  };
}

/** State read back from JSON (state file, restored snapshot) with its id tables null-prototype again. */
export function reviveAccountState(state: AccountState): AccountState {
  const revived: Record<string, unknown> = { ...state };
  for (const name of ID_TABLES) revived[name] = idTable<unknown>(state[name] ?? {});
  return revived as unknown as AccountState;
}
