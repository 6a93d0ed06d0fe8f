import type { EsimAccessOrderRequest } from '@esim-sandbox/core';
import { describe, expect, it } from 'vitest';
import { placeOrder } from '../src/ops/order.js';
import { basePackage, testCatalog, world } from './builders.js';

const pkg = basePackage();
const order = (extra: Partial<EsimAccessOrderRequest> = {}, count = 1): EsimAccessOrderRequest => ({
  transactionId: 'txn-1',
  packageInfoList: [{ packageCode: pkg.packageCode, count }],
  ...extra,
});

describe('ordering and money', () => {
  it('debits price x count and records it in the ledger', () => {
    const w = world({ balance: 10 * pkg.price });
    const { orderNo } = w.ok((ctx) => placeOrder(ctx, order({}, 3)));
    expect(w.state.balance).toBe(7 * pkg.price);
    expect(w.state.ledger).toEqual([
      expect.objectContaining({ kind: 'order', amount: -3 * pkg.price, ref: orderNo }),
    ]);
    expect(w.state.orders[orderNo]?.status).toBe('GETTING_RESOURCE');
  });

  it('accepts a package named by its slug', () => {
    const w = world();
    w.ok((ctx) => placeOrder(ctx, { transactionId: 't', packageInfoList: [{ slug: pkg.slug, count: 1 }] }));
    expect(w.state.balance).toBe(100_000_000 - pkg.price);
  });

  it.each([
    ['an unknown package', order({ packageInfoList: [{ packageCode: 'NOPE1', count: 1 }] }), '310241'],
    [
      'a wrong unit price',
      order({ packageInfoList: [{ packageCode: pkg.packageCode, count: 1, price: pkg.price + 1 }] }),
      '200005',
    ],
    ['a wrong total amount', order({ amount: pkg.price * 2 }), '200006'],
    [
      'a top-up package',
      order({
        packageInfoList: [
          {
            packageCode: testCatalog().topUpsFor(basePackage((p) => p.supportTopUpType === 2))[0]!
              .packageCode,
            count: 1,
          },
        ],
      }),
      '200008',
    ],
    [
      'periodNum on a fixed package',
      order({ packageInfoList: [{ packageCode: pkg.packageCode, count: 1, periodNum: 3 }] }),
      '200008',
    ],
  ])('rejects %s and changes nothing', (_what, request, code) => {
    const w = world();
    const before = structuredClone(w.state);
    const result = w.run((ctx) => placeOrder(ctx, request));
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(w.state).toEqual(before);
    expect(w.tasks).toEqual([]);
  });

  it('accepts matching price and amount', () => {
    const w = world();
    const request = order({
      amount: pkg.price * 2,
      packageInfoList: [{ packageCode: pkg.packageCode, count: 2, price: pkg.price }],
    });
    expect(w.run((ctx) => placeOrder(ctx, request)).ok).toBe(true);
  });

  it('refuses an order the balance does not cover, all or nothing', () => {
    const w = world({ balance: 2 * pkg.price });
    expect(w.run((ctx) => placeOrder(ctx, order({}, 3)))).toMatchObject({
      ok: false,
      error: { code: '200007', message: 'the balance is insufficient' },
    });
    expect(w.state.balance).toBe(2 * pkg.price);
  });

  it('refuses more profiles than the stock holds, counting every line of the order', () => {
    const w = world();
    w.state.stock[pkg.packageCode] = 2;
    const twoLines = order({
      packageInfoList: [
        { packageCode: pkg.packageCode, count: 2 },
        { slug: pkg.slug, count: 1 },
      ],
    });
    expect(w.run((ctx) => placeOrder(ctx, twoLines))).toMatchObject({ ok: false, error: { code: '200011' } });
    w.ok((ctx) => placeOrder(ctx, order({}, 2)));
    expect(w.state.stock[pkg.packageCode]).toBe(0);
  });

  it('answers a repeated transactionId with the same order and no second charge', () => {
    const w = world();
    const first = w.ok((ctx) => placeOrder(ctx, order()));
    const again = w.ok((ctx) => placeOrder(ctx, order({}, 5)));
    expect(again.orderNo).toBe(first.orderNo);
    expect(w.state.balance).toBe(100_000_000 - pkg.price);
    expect(Object.keys(w.state.orders)).toHaveLength(1);
  });

  it('answers a repeated transactionId with 310402 when configured to reject it', () => {
    const w = world({ behaviour: { duplicateTransactionId: 'reject' } });
    w.ok((ctx) => placeOrder(ctx, order()));
    expect(w.run((ctx) => placeOrder(ctx, order()))).toMatchObject({ ok: false, error: { code: '310402' } });
  });

  it('gives each order a distinct orderNo from the virtual clock', () => {
    const w = world();
    const a = w.ok((ctx) => placeOrder(ctx, order({ transactionId: 'a' })));
    const b = w.ok((ctx) => placeOrder(ctx, order({ transactionId: 'b' })));
    expect(a.orderNo).toBe('B25060112000001');
    expect(b.orderNo).toBe('B25060112000002');
  });

  it('sells day passes per day: periodNum days at the daily price', () => {
    const dayPass = testCatalog().catalog.packages.find((p) => p.dataType === 2)!;
    const w = world();
    const request = {
      transactionId: 'd',
      amount: dayPass.price * 2 * 5,
      packageInfoList: [{ packageCode: dayPass.packageCode, count: 2, periodNum: 5 }],
    };
    w.ok((ctx) => placeOrder(ctx, request));
    expect(w.state.balance).toBe(100_000_000 - dayPass.price * 10);
  });
});
