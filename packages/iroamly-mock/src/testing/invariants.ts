/**
 * @module
 * Invariants a reseller asserts after a run, read from the account's own state (`account.state()`): no purchase
 * charged twice, every purchase has its redeem codes. iRoamly sends mails, not webhooks, so there is no "every
 * webhook applied once" here (its outbox is the account's `outbox()`).
 */
import { type InvariantViolation, throwIfViolated } from '@esim-sandbox/emulator/testing';
import type { AccountState } from '../state/types.js';

export interface PurchaseChargeOptions {
  /**
   * The balance before the run (1/100 credit): the balance must then be it minus every purchase's total. iRoamly
   * keeps no ledger, so without it only each purchase's own total is checked.
   */
  startBalance?: number;
  /** The orderIds the app knows it bought: any other purchase on the account was made without it knowing. */
  orderIds?: readonly string[];
}

/** Each purchase charged its lines' price once, and the balance equal to the start minus the purchases. */
export function purchaseChargeViolations(
  state: AccountState,
  options: PurchaseChargeOptions = {},
): InvariantViolation[] {
  const violations: InvariantViolation[] = [];
  const orders = Object.values(state.orders);
  for (const order of orders) {
    const cost = order.lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
    if (order.total !== cost) {
      violations.push({
        rule: 'charged',
        message: `purchase ${order.orderId} charged ${order.total}, its lines cost ${cost}`,
      });
    }
  }
  if (options.startBalance !== undefined) {
    const expected = options.startBalance - orders.reduce((sum, o) => sum + o.total, 0);
    if (state.balance !== expected) {
      violations.push({
        rule: 'balance',
        message: `balance ${state.balance}, expected ${expected} (start ${options.startBalance} - ${orders.length} purchase(s))`,
      });
    }
  }
  if (options.orderIds) {
    const known = new Set(options.orderIds);
    for (const order of orders) {
      if (!known.has(order.orderId)) {
        violations.push({
          rule: 'unknown-order',
          message: `purchase ${order.orderId} was paid for but the app does not know it`,
        });
      }
    }
  }
  return violations;
}

/** Every purchase has one redeem code per unit bought, of its products, belonging to it alone. */
export function purchaseCodeViolations(state: AccountState): InvariantViolation[] {
  const violations: InvariantViolation[] = [];
  for (const order of Object.values(state.orders)) {
    const wanted = order.lines.flatMap((l) => Array<string>(l.quantity).fill(l.productCode));
    const codes = order.codes.map((c) => state.codes[c]);
    const mine = codes.filter((c) => c?.orderId === order.orderId).map((c) => c?.productCode ?? '');
    const same = [...mine].sort().join() === [...wanted].sort().join();
    if (!same || mine.length !== order.codes.length) {
      violations.push({
        rule: 'codes',
        message: `purchase ${order.orderId} has ${mine.length} redeem code(s) of its own, it bought ${wanted.length}`,
      });
    }
  }
  return violations;
}

/**
 * The asserts: each throws an error listing every violation.
 * @example
 * expectPurchasesChargedOnce(iroamly.account.state(), { startBalance });
 * expectPurchasesHaveCodes(iroamly.account.state());
 */
export function expectPurchasesChargedOnce(state: AccountState, options?: PurchaseChargeOptions): void {
  throwIfViolated('no iRoamly purchase charged twice', purchaseChargeViolations(state, options));
}

export function expectPurchasesHaveCodes(state: AccountState): void {
  throwIfViolated('every iRoamly purchase has its codes', purchaseCodeViolations(state));
}
