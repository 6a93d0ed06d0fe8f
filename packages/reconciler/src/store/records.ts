/**
 * What the reseller's app tells the store as it acts: an order placed, a top-up bought, money deposited.
 * Each call is idempotent (natural keys), so the app may call it again after a crash or a retry.
 * @module
 */
import { InvalidArgumentError, type ProviderName } from '@esim-sandbox/core';
import { ensureAccount } from './accounts.js';
import { addLedgerEntry } from './ledger.js';
import type { Store } from './open.js';
import { type OrderLine, orders } from './schema.js';

export interface RecordOrderInput {
  accountId: string;
  provider: ProviderName;
  /** eSIM Access orderNo or iRoamly orderId. */
  orderNo: string;
  transactionId?: string | undefined;
  /** Total paid, in the account's unit; adds a spend to the ledger. */
  amount?: number | undefined;
  /** With unit prices, a cancelled profile can be refunded in the ledger. */
  lines?: OrderLine[] | undefined;
  /** iRoamly: the address QR codes go to. */
  email?: string | undefined;
}

function checkAmount(field: string, amount: number | undefined): void {
  if (amount !== undefined && !(Number.isSafeInteger(amount) && amount >= 0)) {
    throw new InvalidArgumentError(field, "must be a whole, non-negative number in the account's unit");
  }
}

function checkText(field: string, value: string): void {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidArgumentError(field, 'must be a non-empty string');
  }
}

/**
 * @example
 * await recordOrder(store, { accountId: 'esimaccess', provider: 'esimaccess', orderNo, transactionId,
 *   amount: 15000, lines: [{ packageCode: 'JC016', count: 1, price: 15000 }] });
 */
export async function recordOrder(store: Store, input: RecordOrderInput): Promise<void> {
  checkText('orderNo', input.orderNo);
  checkAmount('amount', input.amount);
  for (const [i, line] of (input.lines ?? []).entries()) checkAmount(`lines[${i}].price`, line.price);
  await store.db.transaction(async (tx) => {
    await ensureAccount(tx, { id: input.accountId, provider: input.provider });
    await tx
      .insert(orders)
      .values({
        accountId: input.accountId,
        orderNo: input.orderNo,
        transactionId: input.transactionId ?? null,
        status: input.provider === 'esimaccess' ? 'PENDING' : null,
        origin: 'local',
        amount: input.amount ?? null,
        lines: input.lines ?? null,
        email: input.email ?? null,
      })
      .onConflictDoNothing();
    if (input.amount !== undefined && input.amount > 0) {
      await addLedgerEntry(tx, {
        accountId: input.accountId,
        entryKey: `order:${input.orderNo}`,
        kind: 'spend',
        amount: -input.amount,
        orderNo: input.orderNo,
      });
    }
  });
}

export interface RecordTopUpInput {
  accountId: string;
  transactionId: string;
  esimTranNo: string;
  amount: number;
}

/** An eSIM Access top-up, keyed by its transactionId. */
export async function recordTopUp(store: Store, input: RecordTopUpInput): Promise<void> {
  checkText('transactionId', input.transactionId);
  checkAmount('amount', input.amount);
  await store.db.transaction(async (tx) => {
    await ensureAccount(tx, { id: input.accountId, provider: 'esimaccess' });
    await addLedgerEntry(tx, {
      accountId: input.accountId,
      entryKey: `topup:${input.transactionId}`,
      kind: 'spend',
      amount: -input.amount,
      note: `top-up of ${input.esimTranNo}`,
    });
  });
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
