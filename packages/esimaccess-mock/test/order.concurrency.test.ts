/**
 * 100 orders at once over real HTTP against a balance that covers exactly 40: the check and the debit of an order
 * run in one synchronous turn, so exactly 40 succeed and the balance ends exact, never negative.
 */
import { ProviderError } from '@esim-sandbox/core';
import { describe, expect, it } from 'vitest';
import { findBase, overHttp } from './support/harness.js';

describe('concurrent orders', () => {
  it('lets exactly as many orders through as the balance covers and leaves the exact remainder', async () => {
    const h = await overHttp();
    const pkg = findBase(h.mock, () => true);
    const leftover = pkg.price - 1;
    h.account.setBalance(40 * pkg.price + leftover);
    try {
      const client = h.client();
      const results = await Promise.allSettled(
        Array.from({ length: 100 }, (_, i) =>
          client.order({
            transactionId: `burst-${i}`,
            packageInfoList: [{ packageCode: pkg.packageCode, count: 1 }],
          }),
        ),
      );
      const succeeded = results.filter((r) => r.status === 'fulfilled');
      const refusals = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
      expect(succeeded).toHaveLength(40);
      for (const reason of refusals) {
        expect(reason).toBeInstanceOf(ProviderError);
        expect(reason).toMatchObject({ code: '200007' });
      }
      expect((await client.getBalance()).balance).toBe(leftover);
      const state = h.account.state();
      expect(Object.keys(state.orders)).toHaveLength(40);
      expect(state.ledger.filter((e) => e.kind === 'order').reduce((sum, e) => sum + e.amount, 0)).toBe(
        -40 * pkg.price,
      );
    } finally {
      await h.close();
    }
  });
});
