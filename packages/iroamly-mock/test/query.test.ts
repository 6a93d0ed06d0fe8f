import { describe, expect, it } from 'vitest';
import { purchase } from '../src/operations/purchase.js';
import { queryCodes, queryQrCode } from '../src/operations/query.js';
import { startRedemption } from '../src/operations/redeem.js';
import { account, buyCodes, makeContext, purchaseRequest } from './builders.js';

describe('codeQuery', () => {
  it('lists an order’s codes in issue order with product, expiry and status', () => {
    const state = account();
    const ctx = makeContext();
    const order = purchase(state, purchaseRequest([{ n: 0 }, { n: 1, quantity: 2 }]), ctx);
    if (!order.ok) throw new Error(order.failure.msg);
    startRedemption(state, { email: 'a@b.co', codeList: [{ redeemCode: order.value.codes[1]! }] }, ctx);
    const listed = queryCodes(state, order.value.orderId, ctx);
    expect(listed).toEqual({
      ok: true,
      value: order.value.codes.map((redeemCode, i) => ({
        productCode: order.value.lines[i === 0 ? 0 : 1]!.productCode,
        redeemCode,
        expire_at: '2024-11-28',
        status: i === 1 ? 1 : 0,
      })),
    });
  });

  it.each([
    [undefined, 7],
    [7, 7],
    [3, 3],
  ] as const)('answers an unknown orderId (configured %s) with code %i', (configured, code) => {
    const ctx = makeContext({ behaviour: configured ? { unknownOrderCode: configured } : {} });
    for (const orderId of ['abc-defg-hijklmnopqr', '__proto__', 'constructor']) {
      const result = queryCodes(account(), orderId, ctx);
      expect(result).toMatchObject({ ok: false, failure: { code } });
      if (!result.ok) expect(result.failure.msg).toContain(`order ${orderId} does not exist`);
    }
  });
});

describe('qrcodeQuery', () => {
  it.each([
    ['an unknown code', 'nosuchcode123', 'nosuchcode123 does not exist'],
    ['a prototype key', '__proto__', '__proto__ does not exist'],
  ])('answers %s with code 7', (_, code, msg) => {
    expect(queryQrCode(account(), code)).toEqual({
      ok: false,
      failure: { code: 7, msg: `Redeem code has been redeemed or does not exist: ${msg}` },
    });
  });

  it('answers code 7 for a code that is not redeemed yet or still redeeming', () => {
    const state = account();
    const ctx = makeContext();
    const [fresh, busy] = buyCodes(state, ctx, 2);
    startRedemption(state, { email: 'a@b.co', codeList: [{ redeemCode: busy! }] }, ctx);
    expect(queryQrCode(state, fresh!)).toMatchObject({ ok: false, failure: { code: 7 } });
    expect(queryQrCode(state, busy!)).toMatchObject({ ok: false, failure: { code: 7 } });
  });
});
