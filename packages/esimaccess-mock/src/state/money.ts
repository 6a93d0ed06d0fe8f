/**
 * Balance changes, always through here so the ledger and the balance never disagree. Callers check the balance and
 * debit in the same synchronous turn (no await in between), which is what keeps it from going negative under load.
 * @module
 */
import type { EsimAccessAccountState, LedgerKind } from './types.js';

export function canAfford(state: EsimAccessAccountState, amount: number): boolean {
  return state.balance >= amount;
}

/** Adds `delta` (negative to debit) and records it. Throws on a debit below zero: callers must check first. */
export function changeBalance(
  state: EsimAccessAccountState,
  delta: number,
  kind: LedgerKind,
  ref: string,
  at: number,
): void {
  if (!Number.isSafeInteger(delta)) throw new RangeError(`balance change must be an integer, got ${delta}`);
  const balance = state.balance + delta;
  if (balance < 0) throw new RangeError(`balance would go negative (${state.balance} + ${delta}) for ${ref}`);
  state.balance = balance;
  state.ledger.push({ at, kind, amount: delta, balance, ref });
}

/** Sets the balance outright (control API), recorded as an adjustment. */
export function setBalance(state: EsimAccessAccountState, balance: number, at: number): void {
  if (!Number.isSafeInteger(balance) || balance < 0) {
    throw new RangeError(`balance must be a non-negative integer in 1/10,000 USD, got ${balance}`);
  }
  changeBalance(state, balance - state.balance, 'adjust', 'control', at);
}
