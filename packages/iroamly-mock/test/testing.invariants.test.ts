import { describe, expect, test } from 'vitest';
import { purchase } from '../src/ops/purchase.js';
import type { AccountState } from '../src/state/types.js';
import {
  expectPurchasesChargedOnce,
  expectPurchasesHaveCodes,
  purchaseChargeViolations,
  purchaseCodeViolations,
} from '../src/testing/index.js';
import { account, makeContext, on, purchaseRequest, value } from './builders.js';

const START_BALANCE = 1_000_000;

/** An account after a clean run: a purchase of 2 codes of one product and 1 of another. */
function cleanRun(): { state: AccountState; orderIds: string[] } {
  const state = account(START_BALANCE);
  const ctx = makeContext();
  const orderIds = [
    value(purchase(on(state, ctx), purchaseRequest([{ n: 0, quantity: 2 }]))).orderId,
    value(purchase(on(state, ctx), purchaseRequest([{ n: 1, quantity: 1 }]))).orderId,
  ];
  return { state, orderIds };
}

type Break = (state: AccountState, orderIds: string[]) => void;

describe('no iRoamly purchase charged twice', () => {
  test.each<{ name: string; breaks: Break; known?: number; rules: string[] }>([
    { name: 'a clean run', breaks: () => {}, rules: [] },
    {
      name: 'a purchase debited twice',
      breaks: (s, [a]) => {
        s.balance -= s.orders[a!]!.total;
      },
      rules: ['balance'],
    },
    {
      name: 'a purchase charged more than its lines cost',
      breaks: (s, [a]) => {
        s.orders[a!]!.total += 1;
        s.balance -= 1;
      },
      rules: ['charged'],
    },
    {
      name: 'a purchase the app does not know (bought again after a lost answer)',
      breaks: () => {},
      known: 1,
      rules: ['unknown-order'],
    },
  ])('$name', ({ breaks, known, rules }) => {
    const { state, orderIds } = cleanRun();
    breaks(state, orderIds);
    const options = { startBalance: START_BALANCE, orderIds: orderIds.slice(0, known ?? orderIds.length) };
    const found = purchaseChargeViolations(state, options);
    expect(found.map((v) => v.rule)).toEqual(rules);
    if (rules.length === 0) expect(() => expectPurchasesChargedOnce(state, options)).not.toThrow();
    else expect(() => expectPurchasesChargedOnce(state, options)).toThrow(`  - ${found[0]?.message}`);
  });
});

describe('every iRoamly purchase has its codes', () => {
  test.each<{ name: string; breaks: Break; violations: number }>([
    { name: 'a clean run', breaks: () => {}, violations: 0 },
    {
      name: 'a code missing from a purchase of 2',
      breaks: (s, [a]) => {
        delete s.codes[s.orders[a!]!.codes[1]!];
      },
      violations: 1,
    },
    {
      name: 'a code that belongs to another purchase',
      breaks: (s, [a, b]) => {
        s.orders[b!]!.codes = [s.orders[a!]!.codes[0]!];
      },
      violations: 1,
    },
  ])('$name', ({ breaks, violations }) => {
    const { state, orderIds } = cleanRun();
    breaks(state, orderIds);
    const found = purchaseCodeViolations(state);
    expect(found).toHaveLength(violations);
    if (violations === 0) expect(() => expectPurchasesHaveCodes(state)).not.toThrow();
    else
      expect(() => expectPurchasesHaveCodes(state)).toThrow(
        /^every iRoamly purchase has its codes: 1 violation/,
      );
  });
});
