/**
 * Seeded chaos as eSIM Access clients see it: the documented busy code 900001 from the `busy` rule, and a slow
 * allocation that stretches the 200010 window of esim/query (NOTES 1.4: docs up to ~30 s).
 */
import { describe, expect, it } from 'vitest';
import { findBase, type MakeHarness } from './support/harness.js';

export function runChaosContract(mode: string, make: MakeHarness): void {
  describe(`chaos (${mode})`, () => {
    it('answers 900001 in the envelope for the busy rule, journaled with the seed and the rule', async () => {
      const h = await make({ chaos: { profile: { name: 'busy', api: { busy: 1 } }, seed: 'c1' } });
      try {
        await expect(h.client().getBalance()).rejects.toMatchObject({ code: '900001' });
        expect(h.account.tenant.journal.last()).toMatchObject({
          status: 200,
          providerCode: '900001',
          chaos: { seed: 'c1', profile: 'busy', rule: 'busy', seq: 1 },
        });
      } finally {
        await h.close();
      }
    });

    it('keeps esim/query at 200010 for the slowed allocation, then lists the profiles', async () => {
      const allocation = { rate: 1, minMs: 20_000, maxMs: 20_000 };
      const h = await make({ chaos: { profile: { name: 'slow', streams: { allocation } }, seed: 'c2' } });
      try {
        const client = h.client();
        const { orderNo } = await client.order({
          transactionId: 'slow-allocation',
          packageInfoList: [{ packageCode: findBase(h.mock, () => true).packageCode, count: 1 }],
        });
        const query = () => client.queryProfiles({ orderNo, pager: { pageNum: 1, pageSize: 5 } });
        await h.account.advance(h.mock.behaviour.allocationDelayMs + 19_999);
        await expect(query()).rejects.toMatchObject({ code: '200010' });
        await h.account.advance(1);
        expect((await query()).esimList).toHaveLength(1);
        expect(h.account.tenant.chaos.get()?.injected).toBe(1);
      } finally {
        await h.close();
      }
    });
  });
}
