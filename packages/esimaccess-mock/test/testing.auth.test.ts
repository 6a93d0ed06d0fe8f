/**
 * The test helpers with the live defaults: test accounts rate-limited at 8 requests per second unless the
 * `rateLimit` option says otherwise, and `account.client()` signing on the clock the fake checks RT-Timestamp with.
 */
import { RateLimitError } from '@esim-sandbox/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startEsimAccessFake, useEsimAccessFake } from '../src/testing/index.js';

const hooks = { beforeAll, afterAll, beforeEach, afterEach };
const HOUR = 60 * 60_000;

describe.each(['msw', 'http'] as const)('test helpers in %s mode', (mode) => {
  describe('with the default options', () => {
    const esim = useEsimAccessFake({ mode, hooks });

    test("rate-limits each test account at the provider's 8 requests per second", async () => {
      expect(esim.account.tenant.rateLimit.config).toEqual({ limit: 8, windowMs: 1000 });
      const client = esim.account.client({ rateLimit: false, retry: false });
      const answers = await Promise.allSettled(Array.from({ length: 9 }, () => client.getBalance()));
      const refused = answers.filter((a) => a.status === 'rejected');
      expect(refused).toHaveLength(1);
      expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(RateLimitError);
    });

    test("signs with the wall clock, however far the test moves the fake's clock", async () => {
      await esim.account.advance(HOUR);
      await expect(esim.account.client().getBalance()).resolves.toEqual({ balance: 10_000_000 });
      const sent = Number(esim.account.journal.last()?.requestHeaders['rt-timestamp']);
      expect(Math.abs(sent - Date.now())).toBeLessThan(60_000);
    });

    test('signs with the virtual clock once the fake checks against it', async () => {
      esim.fake.mock.control.setAuth({ timestampClock: 'virtual' });
      try {
        await esim.account.advance(HOUR);
        await expect(esim.account.client().getBalance()).resolves.toEqual({ balance: 10_000_000 });
        expect(Number(esim.account.journal.last()?.requestHeaders['rt-timestamp'])).toBe(
          esim.account.tenant.clock.now(),
        );
      } finally {
        esim.fake.mock.control.setAuth({ timestampClock: 'caller' });
      }
    });
  });

  test.each([
    { rateLimit: undefined, refused: 1 },
    { rateLimit: null, refused: 0 },
    { rateLimit: { limit: 2, windowMs: 60_000 }, refused: 7 },
  ])(
    'startEsimAccessFake({ rateLimit: $rateLimit }) refuses $refused of 9 requests at once',
    async ({ rateLimit, refused }) => {
      const fake = await startEsimAccessFake({ mode, rateLimit });
      try {
        const client = fake.newAccount().client({ rateLimit: false, retry: false });
        const answers = await Promise.allSettled(Array.from({ length: 9 }, () => client.getBalance()));
        expect(answers.filter((a) => a.status === 'rejected')).toHaveLength(refused);
      } finally {
        await fake.close();
      }
    },
  );
});
