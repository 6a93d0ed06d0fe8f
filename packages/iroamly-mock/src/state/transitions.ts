/**
 * @module
 * The redeem-code lifecycle as a table. Every status change goes through {@link transition}, so a move the table
 * does not allow is refused in one place, with the provider's code 7.
 */
import { IroamlyCode, IroamlyRedeemCodeStatus as S } from '@esim-sandbox/core';
import { fail, type OpResult, ok } from './result.js';
import type { RedeemCodeRecord } from './types.js';

type Status = RedeemCodeRecord['status'];

/**
 * 0 not redeemed → 1 redeeming → 2 redeemed | 3 failed. A failed code may be redeemed again (3 → 1): the
 * customer paid for it and nothing was delivered. 2 is final.
 */
export const REDEEM_TRANSITIONS: Readonly<Record<Status, readonly Status[]>> = {
  [S.NOT_REDEEMED]: [S.REDEEMING],
  [S.REDEEMING]: [S.REDEEMED, S.FAILED],
  [S.REDEEMED]: [],
  [S.FAILED]: [S.REDEEMING],
};

const WHY: Readonly<Record<Status, string>> = {
  [S.NOT_REDEEMED]: 'is not redeemed yet',
  [S.REDEEMING]: 'is already being redeemed',
  [S.REDEEMED]: 'has already been redeemed',
  [S.FAILED]: 'failed to redeem',
};

/** Why a code in this status cannot do what was asked, for the `msg`. */
export function describeStatus(status: Status): string {
  return WHY[status];
}

export function canTransition(from: Status, to: Status): boolean {
  return REDEEM_TRANSITIONS[from].includes(to);
}

/** Checks a move without applying it: code 7 naming the code and its status when the table refuses it. */
export function checkTransition(record: RedeemCodeRecord, to: Status): OpResult<void> {
  if (canTransition(record.status, to)) return ok(undefined);
  return fail(IroamlyCode.REDEEM_CODE_UNAVAILABLE, `${record.redeemCode} ${describeStatus(record.status)}`);
}

/** Applies a move the table allows; refuses (and changes nothing) otherwise. */
export function transition(record: RedeemCodeRecord, to: Status): OpResult<void> {
  const checked = checkTransition(record, to);
  if (checked.ok) record.status = to;
  return checked;
}
