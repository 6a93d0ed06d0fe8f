/**
 * What the reseller's app tells the store as it acts: a top-up bought, money deposited (orders: `record-order.ts`).
 * Each call is idempotent (natural keys), so the app may call it again after a crash or a retry.
 * @module
 */
import { type EsimAccessTopUpObj, InvalidArgumentError, type ProviderName } from '@esim-sandbox/core';
import { parseProviderTime } from '../domain/state-order.js';
import { findingsAbout, resolveFindings } from '../drift/findings.js';
import { ensureAccount } from '../store/accounts.js';
import { addLedgerEntry, type LedgerInput, offsetIfCounted } from '../store/ledger.js';
import type { Db, Store } from '../store/open.js';
import { growingUsage, lockProfile, updateProfile } from '../store/profiles.js';

/** Why a finding resolved by a record no longer needs looking into. */
export const RECORDED_BY_THE_APP = 'recorded by the app';

export function checkAmount(field: string, amount: number | undefined): void {
  if (amount !== undefined && !(Number.isSafeInteger(amount) && amount >= 0)) {
    throw new InvalidArgumentError(field, "must be a whole, non-negative number in the account's unit");
  }
}

export function checkText(field: string, value: unknown): void {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidArgumentError(field, 'must be a non-empty string');
  }
}

function checkCount(field: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0)) {
    throw new InvalidArgumentError(field, 'must be a whole, non-negative number');
  }
}

export interface RecordTopUpInput {
  accountId: string;
  transactionId: string;
  esimTranNo: string;
  /** What the top-up cost, in the account's unit; adds a spend to the ledger. */
  amount: number;
  /**
   * What `esim/topup` answered: the profile's new cumulative totals. The store takes them, so the next sync finds
   * the added volume, days and expiry already known.
   */
  result: Pick<EsimAccessTopUpObj, 'totalVolume' | 'totalDuration' | 'expiredTime'> &
    Partial<Pick<EsimAccessTopUpObj, 'orderUsage'>>;
}

function checkTopUpResult(result: RecordTopUpInput['result'] | undefined): void {
  if (typeof result !== 'object' || result === null) {
    throw new InvalidArgumentError(
      'result',
      "must be esim/topup's answer (totalVolume, totalDuration, expiredTime)",
    );
  }
  checkCount('result.totalVolume', result.totalVolume ?? Number.NaN);
  checkCount('result.totalDuration', result.totalDuration ?? Number.NaN);
  checkCount('result.orderUsage', result.orderUsage);
  if (parseProviderTime(result.expiredTime) === null) {
    throw new InvalidArgumentError(
      'result.expiredTime',
      'must be a provider time such as 2025-10-11T10:00:00+0000',
    );
  }
}

/**
 * An eSIM Access top-up, keyed by its transactionId: a spend in the ledger, and the profile's new totals (volume,
 * days, expiry; the provider adds the days to the expiry of an activated profile) in the store. A top-up that
 * revives a used-up profile is told by its ESIM_STATUS webhook, as any state is. A profile the store does not hold
 * yet gets its totals from the next sync.
 *
 * @example
 * const result = await client.topUp({ esimTranNo, packageCode: 'TOPUP_JC172', transactionId });
 * await recordTopUp(store, { accountId: 'esimaccess', transactionId, esimTranNo, amount: 11000, result });
 */
export async function recordTopUp(store: Store, input: RecordTopUpInput): Promise<void> {
  checkText('transactionId', input.transactionId);
  checkText('esimTranNo', input.esimTranNo);
  checkAmount('amount', input.amount);
  checkTopUpResult(input.result);
  const { result } = input;
  await store.db.transaction(async (tx) => {
    const account = await ensureAccount(tx, { id: input.accountId, provider: 'esimaccess' });
    const spend: LedgerInput = {
      accountId: input.accountId,
      entryKey: `topup:${input.transactionId}`,
      kind: 'spend',
      amount: -input.amount,
      note: `top-up of ${input.esimTranNo}`,
    };
    const added = await addLedgerEntry(tx, spend);
    const row = await lockProfile(tx, input.accountId, input.esimTranNo);
    if (row) {
      const later = (parseProviderTime(result.expiredTime) ?? 0) > (parseProviderTime(row.expiredTime) ?? -1);
      const patch = {
        ...growingUsage(row, result.orderUsage, result.totalVolume),
        ...(later ? { expiredTime: result.expiredTime } : {}),
        ...(result.totalDuration > (row.totalDuration ?? -1) ? { totalDuration: result.totalDuration } : {}),
      };
      if (Object.keys(patch).length > 0) await updateProfile(tx, row, patch);
    }
    const learntAt = await resolveTopUpFindings(tx, input.accountId, input.esimTranNo, result.totalVolume);
    if (added && learntAt) await offsetIfCounted(tx, spend, learntAt, account.providerBalanceAt);
  });
}

/**
 * A sync that found the profile's totals grown past this top-up's reported it unknown to us: those findings are
 * resolved. Returns when the store first learnt of the top-up that way (undefined: it had not).
 */
async function resolveTopUpFindings(
  tx: Db,
  accountId: string,
  esimTranNo: string,
  totalVolume: number,
): Promise<Date | undefined> {
  const which = {
    accountId,
    kind: 'unknown_to_us',
    subjectType: 'profile',
    subjectIds: [esimTranNo],
    field: 'topUp',
  } as const;
  // providerValue is `totalVolume/totalDuration` as the sync saw them.
  const covering = (await findingsAbout(tx, which)).filter(
    (f) => Number(f.providerValue?.split('/')[0]) >= totalVolume,
  );
  await resolveFindings(tx, { ...which, ids: covering.map((f) => f.id) }, RECORDED_BY_THE_APP);
  const times = covering.map((f) => f.detectedAt.getTime());
  return times.length === 0 ? undefined : new Date(Math.min(...times));
}

export interface RecordDepositInput {
  accountId: string;
  provider: ProviderName;
  /** Your reference for the payment (invoice or transfer id). */
  depositId: string;
  amount: number;
}

/** Money paid into the provider account. iRoamly's balance is known only from these and the spends. */
export async function recordDeposit(store: Store, input: RecordDepositInput): Promise<void> {
  checkText('depositId', input.depositId);
  checkAmount('amount', input.amount);
  await store.db.transaction(async (tx) => {
    await ensureAccount(tx, { id: input.accountId, provider: input.provider });
    await addLedgerEntry(tx, {
      accountId: input.accountId,
      entryKey: `deposit:${input.depositId}`,
      kind: 'deposit',
      amount: input.amount,
    });
  });
}
