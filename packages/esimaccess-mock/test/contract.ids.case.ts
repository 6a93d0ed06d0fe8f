/**
 * Ids that are names of JavaScript built-ins behave like any other id: unknown ones get the provider's not-found
 * answer, and as a new transactionId they make an ordinary order (and top-up).
 */
import { ProviderError } from '@esim-sandbox/core';
import { describe, expect, it } from 'vitest';
import { findBase, type Harness, type MakeHarness, orderAllocated } from './support/harness.js';

export const BUILT_IN_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

const pager = { pageNum: 1, pageSize: 10 };

async function code(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (e: unknown) => {
      expect(e).toBeInstanceOf(ProviderError);
      return (e as ProviderError).code;
    },
  );
}

export function runBuiltInIdContract(mode: string, make: MakeHarness): void {
  describe(`ids named like JavaScript built-ins (${mode})`, () => {
    let h: Harness;
    const withHarness = (test: () => Promise<void>) => async () => {
      h = await make();
      try {
        await test();
      } finally {
        await h.close();
      }
    };

    it.each(BUILT_IN_NAMES)('%s is an unknown orderNo, esimTranNo and iccid everywhere', (name) =>
      withHarness(async () => {
        const client = h.client();
        // Something in the account, so "unknown" is not just "empty".
        await orderAllocated(
          h,
          findBase(h.mock, () => true),
        );
        expect(await code(client.queryProfiles({ orderNo: name, pager }))).toBe('310272');
        for (const ref of [{ esimTranNo: name }, { iccid: name }]) {
          expect(await client.queryProfiles({ ...ref, pager })).toMatchObject({
            esimList: [],
            pager: { total: 0 },
          });
          expect(await code(client.suspend(ref))).toBe('310403');
          expect(await code(client.cancel(ref))).toBe('310403');
          expect(await code(client.revoke(ref))).toBe('310403');
          expect(await code(client.sendSms({ ...ref, message: 'hi' }))).toBe('310403');
        }
        expect(await client.queryUsage({ esimTranNoList: [name] })).toEqual([]);
        expect(await client.listPackages({ iccid: name, type: 'TOPUP' })).toEqual([]);
        expect(
          await code(client.topUp({ esimTranNo: name, packageCode: 'TOPUP_X', transactionId: `t-${name}` })),
        ).toBe('310403');
      })(),
    );

    it.each(BUILT_IN_NAMES)('%s as a new transactionId makes an ordinary order, once', (name) =>
      withHarness(async () => {
        const client = h.client();
        const { packageCode, price } = findBase(h.mock, () => true);
        const balance = h.account.state().balance;
        const order = { transactionId: name, packageInfoList: [{ packageCode, count: 1 }] };
        const first = await client.order(order);
        expect(first).toEqual({ orderNo: expect.stringMatching(/^B\d{14}$/), transactionId: name });
        expect(await client.order(order)).toEqual(first);
        await h.account.advance(h.mock.behaviour.allocationDelayMs);
        const { esimList } = await client.queryProfiles({ orderNo: first.orderNo, pager });
        expect(esimList).toHaveLength(1);
        expect(esimList[0]).toMatchObject({ transactionId: name });
        expect(h.account.state().balance).toBe(balance - price);
        expect(Object.keys(h.account.state().orders)).toEqual([first.orderNo]);
      })(),
    );

    it.each(BUILT_IN_NAMES)('%s as a new top-up transactionId tops up, once', (name) =>
      withHarness(async () => {
        const base = findBase(h.mock, (p) => h.mock.catalog.topUpsFor(p).length > 0);
        const topUp = h.mock.catalog.topUpsFor(base)[0]!;
        const { esimTranNos } = await orderAllocated(h, base);
        const request = { esimTranNo: esimTranNos[0]!, packageCode: topUp.packageCode, transactionId: name };
        const first = await h.client().topUp(request);
        expect(first).toMatchObject({ transactionId: name, totalVolume: base.volume + topUp.volume });
        expect(await h.client().topUp(request)).toEqual(first);
        expect(Object.keys(h.account.state().topUps)).toEqual([name]);
      })(),
    );
  });
}
