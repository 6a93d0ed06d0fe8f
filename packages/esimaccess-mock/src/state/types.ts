/**
 * One eSIM Access account as plain JSON: no classes, no Maps, no Dates (times are virtual ms since the epoch), so the
 * engine can snapshot, restore and persist it with `structuredClone`/`JSON.stringify` and tenants never share objects.
 * @module
 */
import type { EsimAccessEsimStatus, EsimAccessSmdpStatus, EsimAccessTopUpObj } from '@esim-sandbox/core';

export interface OrderItem {
  packageCode: string;
  count: number;
  /** Catalogue price per eSIM (per day for day passes), 1/10,000 USD. */
  unitPrice: number;
  /** Days bought, day passes only. */
  periodNum: number | null;
}

export type OrderStatus = 'GETTING_RESOURCE' | 'GOT_RESOURCE';

export interface OrderRecord {
  orderNo: string;
  transactionId: string;
  status: OrderStatus;
  createdAt: number;
  items: OrderItem[];
  /** Total debited, 1/10,000 USD. */
  amount: number;
  /** Filled when the profiles are allocated, in allocation order. */
  esimTranNos: string[];
}

export interface ProfilePackage {
  packageCode: string;
  slug: string;
  packageName: string;
  duration: number;
  volume: number;
  locationCode: string;
  createTime: number;
}

export interface ProfileStatus {
  esimStatus: EsimAccessEsimStatus;
  smdpStatus: EsimAccessSmdpStatus;
}

export interface ProfileRecord extends ProfileStatus {
  esimTranNo: string;
  orderNo: string;
  transactionId: string;
  iccid: string;
  imsi: string;
  msisdn: string;
  /** LPA activation code. */
  ac: string;
  /** Id of the QR image the mock serves for `ac`; URLs are built per response from the mock's own address. */
  qrId: string;
  /** "" until the device downloads the profile. */
  eid: string;
  pin: string;
  puk: string;
  apn: string;
  /** Where unsuspend returns to. */
  suspendedFrom: ProfileStatus | null;
  basePackageCode: string;
  packages: ProfilePackage[];
  activeType: number;
  dataType: number;
  smsStatus: number;
  /** What the eSIM cost, refunded on cancel (with its top-ups). */
  price: number;
  /** Bytes of the allowance: the whole volume, or one day's for a day pass (dataType 2-4). */
  totalVolume: number;
  totalDuration: number;
  durationUnit: string;
  /** Bytes used of the allowance: since activation, or since today's reset for a day pass. */
  orderUsage: number;
  /** When a day pass's daily counters reset next; null until data is used in the current day. */
  usageResetAt: number | null;
  /** SMDP_EVENT webhooks sent so far: the last one's `seqNumber`. */
  smdpSeqNumber: number;
  createdAt: number;
  /** Deadline to start using it (allocation + the package's unusedValidTime). */
  unusedExpiresAt: number;
  installedAt: number | null;
  activatedAt: number | null;
  /** End of validity, set on activation and pushed out by top-ups. */
  expiresAt: number | null;
  lastUsageAt: number | null;
  /** Used-percent thresholds (50, 80, 90) whose DATA_USAGE webhook has been sent. */
  usageNotified: number[];
  /** The `expiresAt` whose VALIDITY_USAGE warning was sent. */
  validityWarnedFor: number | null;
}

export interface TopUpRecord {
  transactionId: string;
  esimTranNo: string;
  packageCode: string;
  amount: number;
  at: number;
  /** The answer, replayed verbatim for a repeated transactionId. */
  result: EsimAccessTopUpObj;
}

export interface SmsRecord {
  at: number;
  esimTranNo: string;
  iccid: string;
  message: string;
}

export type LedgerKind = 'order' | 'topup' | 'refund' | 'adjust';

/** Every balance change, for introspection: `amount` is signed, `balance` is what remained after it. */
export interface LedgerEntry {
  at: number;
  kind: LedgerKind;
  amount: number;
  balance: number;
  ref: string;
}

export interface EsimAccessAccountState {
  /** 1/10,000 USD; never negative. The webhook URL is not here: the engine's webhook module owns it. */
  balance: number;
  orders: Record<string, OrderRecord>;
  orderNoByTransactionId: Record<string, string>;
  /** By esimTranNo, the provider's stable key. */
  profiles: Record<string, ProfileRecord>;
  esimTranNoByIccid: Record<string, string>;
  topUps: Record<string, TopUpRecord>;
  /** Profiles left per packageCode; a package absent here is unlimited. */
  stock: Record<string, number>;
  counters: { order: number; esim: number };
  sms: SmsRecord[];
  ledger: LedgerEntry[];
}

export interface CreateAccountStateOptions {
  balance?: number;
  /** Profiles left per packageCode; unlimited when absent. */
  stock?: Record<string, number>;
  /** Where the 4-digit id sequences start; accounts start at different points so their ids rarely meet. */
  counters?: { order: number; esim: number };
}

/** The state's tables keyed by ids a partner sends (orderNo, transactionId, esimTranNo, iccid, packageCode). */
export const ID_TABLES = [
  'orders',
  'orderNoByTransactionId',
  'profiles',
  'esimTranNoByIccid',
  'topUps',
  'stock',
] as const satisfies readonly (keyof EsimAccessAccountState)[];

/**
 * A null-prototype copy of `entries`: an id such as `constructor`, `toString` or `__proto__` is then an ordinary
 * key (absent until stored), where a `{}` literal would answer with Object.prototype's members.
 */
export function idTable<T>(entries: Readonly<Record<string, T>> = {}): Record<string, T> {
  const table = Object.create(null) as Record<string, T>;
  for (const key of Object.keys(entries)) table[key] = entries[key] as T;
  return table;
}

export function createAccountState(options: CreateAccountStateOptions = {}): EsimAccessAccountState {
  return {
    balance: options.balance ?? 0,
    orders: idTable(),
    orderNoByTransactionId: idTable(),
    profiles: idTable(),
    esimTranNoByIccid: idTable(),
    topUps: idTable(),
    stock: idTable(options.stock),
    counters: { ...(options.counters ?? { order: 0, esim: 0 }) },
    sms: [],
    ledger: [],
  };
}

/** State read back from JSON (state file, restored snapshot) with its id tables null-prototype again. */
export function reviveAccountState(state: EsimAccessAccountState): EsimAccessAccountState {
  const revived: Record<string, unknown> = { ...state };
  for (const name of ID_TABLES) revived[name] = idTable<unknown>(state[name] ?? {});
  return revived as unknown as EsimAccessAccountState;
}
