/**
 * @module
 * Magic values, like a payment sandbox's test card numbers: an email that always answers a given code, for the
 * codes nothing a caller sends can provoke. Code 6 shares its meaning with 5 ("Insufficient balance") and the
 * spec gives nothing to tell them apart, so a real shortfall answers 5 (or 6 when so configured); -1 is a failure
 * on the provider's side. `example.com` is reserved (RFC 2606), so no customer's address is one of these.
 */
import { IroamlyCode } from '@esim-sandbox/core';
import { fail } from '../state/result.js';

export interface IroamlyMagicValue {
  readonly code: number;
  readonly field: 'email';
  readonly value: string;
}

const byEmail = (code: number): IroamlyMagicValue => ({
  code,
  field: 'email',
  value: `sandbox-error-${code}@example.com`,
});

/** Recognised in purchaseCode and redeemQRcode, the endpoints that take an email, before anything changes. */
export const iroamlyMagicValues: readonly IroamlyMagicValue[] = [
  byEmail(IroamlyCode.INSUFFICIENT_BALANCE_ALT),
  byEmail(IroamlyCode.REQUEST_FAILED),
];

const byValue = new Map(iroamlyMagicValues.map((m) => [m.value, m]));

/** The failure a request with a magic email answers with; undefined for any other address. */
export function magicFailure(email: string): ReturnType<typeof fail> | undefined {
  const magic = byValue.get(email.toLowerCase());
  return magic && fail(magic.code, `sandbox magic value ${magic.field} ${magic.value}`);
}
