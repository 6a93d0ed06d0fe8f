/**
 * Seeded chaos as iRoamly clients see it, for every transport: the busy rule answers the spec's only failure code
 * (-1), and the `allocation` stream lengthens a redemption (status 1 for longer).
 */
import { IroamlyClient, ProviderError } from '@esim-sandbox/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createIroamlyMock } from '../src/index.js';
import type { IroamlyMockOptions } from '../src/runtime/options.js';
import type { Harness, Serve } from './contract.case.js';

export function runChaosContract(transport: string, serve: Serve): void {
  describe(`iRoamly chaos over ${transport}`, () => {
    const open: Pick<Harness, 'close'>[] = [];
    afterEach(async () => {
      await Promise.all(open.splice(0).map((h) => h.close()));
    });

    async function start(chaos: IroamlyMockOptions['chaos']) {
      const mock = createIroamlyMock({ clock: 'manual', seed: 'chaos', balance: 10_000, chaos });
      const served = await serve(mock);
      open.push(served);
      const client = new IroamlyClient({
        authKey: mock.authKey,
        authSecret: mock.authSecret,
        baseUrl: served.baseUrl,
        retry: false,
      });
      return { mock, client };
    }

    it('answers code -1 for the busy rule, journaled with the seed and the rule', async () => {
      const { mock, client } = await start({ profile: { name: 'busy', api: { busy: 1 } }, seed: 'i1' });
      const productCode = mock.catalog.products[0]?.item.productCode ?? '';
      const error = await client
        .purchase({ email: 'a@b.co', productList: [{ productCode, quantity: 1 }] })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ code: '-1' });
      expect(mock.emulator.defaultAccount.journal.last()).toMatchObject({
        providerCode: '-1',
        chaos: { seed: 'i1', profile: 'busy', rule: 'busy', seq: 1 },
      });
      expect(mock.control.account().balance()).toBe(10_000);
    });

    it('keeps a redeemed code at status 1 for the slowed redemption, then 2', async () => {
      const allocation = { rate: 1, minMs: 10_000, maxMs: 10_000 };
      const { mock, client } = await start({
        profile: { name: 'slow', streams: { allocation } },
        seed: 'i2',
      });
      const productCode = mock.catalog.products[0]?.item.productCode ?? '';
      const { orderId } = await client.purchase({
        email: 'a@b.co',
        productList: [{ productCode, quantity: 1 }],
      });
      const [code] = await client.queryCodes(orderId);
      await client.redeemQrCode({ email: 'a@b.co', codeList: [{ redeemCode: code?.redeemCode ?? '' }] });
      // 3 s for one code (2 s + 1 s per code), plus the 10 s the profile adds.
      await mock.control.account().advance(12_999);
      expect((await client.queryCodes(orderId))[0]?.status).toBe(1);
      await mock.control.account().advance(1);
      expect((await client.queryCodes(orderId))[0]?.status).toBe(2);
    });
  });
}
