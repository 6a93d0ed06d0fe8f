import { describe, expect, it } from 'vitest';
import { purchase } from '../src/ops/purchase.js';
import { ORDER_ID_PATTERN, REDEEM_CODE_PATTERN } from '../src/state/ids.js';
import { account, makeContext, on, product, purchaseRequest, T0 } from './builders.js';

describe('purchase', () => {
  it('debits the exact total once and issues one code per unit', () => {
    const state = account(100_000);
    const request = purchaseRequest([
      { n: 0, quantity: 2 },
      { n: 1, quantity: 1 },
    ]);
    const result = purchase(on(state, makeContext()), request);
    const total = 2 * product(0).price + product(1).price;
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.obj.total).toBe(total);
    expect(state.balance).toBe(100_000 - total);
    expect(result.obj.orderId).toMatch(ORDER_ID_PATTERN);
    expect(result.obj.codes).toHaveLength(3);
    expect(result.obj.codes.map((c) => state.codes[c]?.productCode)).toEqual([
      product(0).item.productCode,
      product(0).item.productCode,
      product(1).item.productCode,
    ]);
  });

  it('issues unique 13-character lowercase codes, not redeemed, expiring after the validity period', () => {
    const state = account(10_000_000);
    const result = purchase(on(state, makeContext()), purchaseRequest([{ quantity: 100 }]));
    if (!result.ok) throw new Error(result.error.msg);
    expect(new Set(result.obj.codes).size).toBe(100);
    for (const code of result.obj.codes) {
      expect(code).toMatch(REDEEM_CODE_PATTERN);
      expect(state.codes[code]).toMatchObject({ status: 0, expire_at: '2024-11-28' });
    }
  });

  it('uses the configured validity period for expire_at', () => {
    const state = account();
    const result = purchase(
      on(state, makeContext({ behaviour: { codeValidityDays: 30 } })),
      purchaseRequest(),
    );
    if (!result.ok) throw new Error(result.error.msg);
    expect(state.codes[result.obj.codes[0]!]?.expire_at).toBe('2024-07-01');
  });

  it('succeeds when the balance equals the total, leaving zero', () => {
    const state = account(product(0).price * 3);
    expect(purchase(on(state, makeContext()), purchaseRequest([{ quantity: 3 }])).ok).toBe(true);
    expect(state.balance).toBe(0);
  });

  it('answers code 4 naming every unknown product and changes nothing', () => {
    const state = account(100_000);
    const before = structuredClone(state);
    const result = purchase(
      on(state, makeContext()),
      purchaseRequest([{ n: 0 }, { productCode: 'zzzzzzzzzzz' }, { productCode: 'yyy' }]),
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 4, msg: 'Product code does not exist: zzzzzzzzzzz, yyy' },
    });
    expect(state).toEqual(before);
  });

  it.each([
    [undefined, 5],
    [5, 5],
    [6, 6],
  ] as const)(
    'answers insufficient balance (configured %s) with code %i and changes nothing',
    (configured, code) => {
      const state = account(product(0).price * 2 - 1);
      const before = structuredClone(state);
      const ctx = makeContext({ behaviour: configured ? { insufficientBalanceCode: configured } : {} });
      const result = purchase(on(state, ctx), purchaseRequest([{ quantity: 2 }]));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(code);
      expect(result.error.msg).toMatch(/^Insufficient balance: order total \d+ exceeds balance \d+/);
      expect(state).toEqual(before);
    },
  );

  it('mails the purchased codes to the order email', () => {
    const state = account();
    const result = purchase(on(state, makeContext()), purchaseRequest([{ quantity: 2 }], 'shop@example.org'));
    if (!result.ok) throw new Error(result.error.msg);
    expect(state.outbox).toHaveLength(1);
    expect(state.outbox[0]).toMatchObject({
      kind: 'codes_purchased',
      to: 'shop@example.org',
      orderId: result.obj.orderId,
      createdAt: T0,
    });
    expect(state.outbox[0]?.codes.map((c) => c.redeemCode)).toEqual(result.obj.codes);
  });

  it('sends no purchase mail when purchaseEmail is off', () => {
    const state = account();
    purchase(on(state, makeContext({ behaviour: { purchaseEmail: false } })), purchaseRequest());
    expect(state.outbox).toEqual([]);
  });

  it('gives the same order id and codes for the same seed', () => {
    const run = () => {
      const state = account();
      const result = purchase(on(state, makeContext()), purchaseRequest([{ quantity: 2 }]));
      return result.ok ? [result.obj.orderId, ...result.obj.codes] : [];
    };
    expect(run()).toEqual(run());
  });
});
