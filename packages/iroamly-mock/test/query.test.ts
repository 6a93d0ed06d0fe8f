import { describe, expect, it } from 'vitest';
import { purchase } from '../src/ops/purchase.js';
import { queryCodes, queryQrCode } from '../src/ops/query.js';
import { startRedemption } from '../src/ops/redeem.js';
import { account, buyCodes, makeContext, on, purchaseRequest } from './builders.js';

describe('codeQuery', () => {
  it('lists an order’s codes in issue order with product, expiry and status', () => {
    const state = account();
    const ctx = makeContext();
    const order = purchase(on(state, ctx), purchaseRequest([{ n: 0 }, { n: 1, quantity: 2 }]));
    if (!order.ok) throw new Error(order.error.msg);
    startRedemption(on(state, ctx), { email: 'a@b.co', codeList: [{ redeemCode: order.obj.codes[1]! }] });
    const listed = queryCodes(on(state, ctx), order.obj.orderId);
    expect(listed).toEqual({
      ok: true,
      obj: order.obj.codes.map((redeemCode, i) => ({
        productCode: order.obj.lines[i === 0 ? 0 : 1]!.productCode,
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
      const result = queryCodes(on(account(), ctx), orderId);
      expect(result).toMatchObject({ ok: false, error: { code } });
      if (!result.ok) expect(result.error.msg).toContain(`order ${orderId} does not exist`);
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
      error: { code: 7, msg: `Redeem code has been redeemed or does not exist: ${msg}` },
    });
  });

  it('answers code 7 for a code that is not redeemed yet or still redeeming', () => {
    const state = account();
    const ctx = makeContext();
    const [fresh, busy] = buyCodes(state, ctx, 2);
    startRedemption(on(state, ctx), { email: 'a@b.co', codeList: [{ redeemCode: busy! }] });
    expect(queryQrCode(state, fresh!)).toMatchObject({ ok: false, error: { code: 7 } });
    expect(queryQrCode(state, busy!)).toMatchObject({ ok: false, error: { code: 7 } });
  });
});
