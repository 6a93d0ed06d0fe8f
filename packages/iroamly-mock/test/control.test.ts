import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FAILURE_REASON,
  failNextRedemptionSchema,
  failNextRedemptions,
  setBalance,
  setBalanceSchema,
} from '../src/control/actions.js';
import { resolveBehaviour } from '../src/ops/behaviour.js';
import { account, on, value } from './builders.js';

describe('control operations', () => {
  it('sets the balance in minor units', () => {
    const state = account(0);
    expect(value(setBalance(on(state), setBalanceSchema.parse({ balance: 2_500 })))).toBe(2_500);
    expect(state.balance).toBe(2_500);
  });

  it.each([-1, 1.5, '100', Number.NaN, 2 ** 60, null])(
    'refuses the balance %j, naming the field',
    (balance) => {
      const parsed = setBalanceSchema.safeParse({ balance });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(['balance']);
    },
  );

  it('queues as many injected failures as asked, with the reason', () => {
    const state = account();
    expect(
      value(failNextRedemptions(on(state), failNextRedemptionSchema.parse({ count: 2, reason: 'x' }))),
    ).toBe(2);
    expect(state.pendingFailures).toEqual([{ reason: 'x' }, { reason: 'x' }]);
  });

  it('defaults to one failure with a generic reason', () => {
    expect(failNextRedemptionSchema.parse({})).toEqual({ count: 1, reason: DEFAULT_FAILURE_REASON });
  });

  it.each([
    [{ count: 0 }, 'count'],
    [{ count: 1.2 }, 'count'],
    [{ reason: '' }, 'reason'],
    [{ reason: 5 }, 'reason'],
  ])('refuses failure options %j naming %s', (options, field) => {
    const parsed = failNextRedemptionSchema.safeParse(options);
    expect(parsed.error?.issues[0]?.path).toEqual([field]);
  });
});

describe('resolveBehaviour', () => {
  it('fills the documented defaults', () => {
    expect(resolveBehaviour()).toEqual({
      insufficientBalanceCode: 5,
      unknownOrderCode: 7,
      codeValidityDays: 180,
      redemptionDelay: { baseMs: 2_000, perCodeMs: 1_000 },
      smdpAddress: 'rsp.iroamly-sandbox.test',
      purchaseEmail: true,
    });
  });

  it.each([
    [{ insufficientBalanceCode: 4 }, 'behaviour.insufficientBalanceCode'],
    [{ codeValidityDays: -1 }, 'behaviour.codeValidityDays'],
    [{ redemptionDelay: { baseMs: 1.5 } }, 'behaviour.redemptionDelay.baseMs'],
    [{ smdpAddress: 'has space' }, 'behaviour.smdpAddress'],
    [{ typo: true }, 'behaviour'],
  ])('refuses %j naming %s', (options, field) => {
    expect(() => resolveBehaviour(options as never)).toThrow(expect.objectContaining({ field }));
  });
});
