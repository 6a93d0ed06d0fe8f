/**
 * Limits of the engine as eSIM Access clients see them: a request body over `maxBodyBytes` is refused unread, in
 * the provider's envelope, and changes nothing.
 */
import { ProviderError } from '@esim-sandbox/core';
import { describe, expect, it } from 'vitest';
import { findBase, type MakeHarness, tamper } from './support/harness.js';

export function runLimitsContract(mode: string, make: MakeHarness): void {
  describe(`limits (${mode})`, () => {
    it('answers 000107 in the envelope for a body over maxBodyBytes, and places no order', async () => {
      const h = await make({ maxBodyBytes: 4_096 });
      try {
        const before = h.account.state();
        const padded = (body: string) =>
          JSON.stringify({ ...(JSON.parse(body) as object), note: 'x'.repeat(5_000) });
        const client = h.client({ fetch: tamper({ body: padded, resignWith: h.mock.secretKey }) });
        const error = await client
          .order({
            transactionId: 'big',
            packageInfoList: [{ packageCode: findBase(h.mock, () => true).packageCode, count: 1 }],
          })
          .then(
            () => undefined,
            (e: unknown) => e,
          );
        expect(error).toBeInstanceOf(ProviderError);
        expect(error).toMatchObject({ provider: 'esimaccess', code: '000107' });
        expect(h.account.state()).toEqual(before);
        expect(h.account.tenant.journal.last()).toMatchObject({
          status: 200,
          providerCode: '000107',
          authenticated: false,
          requestBody: '[body over 4096 bytes: not read]',
        });
      } finally {
        await h.close();
      }
    });
  });
}
