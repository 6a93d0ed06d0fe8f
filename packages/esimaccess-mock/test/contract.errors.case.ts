/**
 * Every documented error the mock can produce, reached through core's EsimAccessClient. Defects a well-behaved
 * client never sends (a missing header, GET, broken JSON, a body the client would refuse) are introduced by a
 * tampering fetch under the client, re-signed so that only the intended defect reaches the mock.
 */
import {
  AuthenticationError,
  type EsimAccessClient,
  ProviderError,
  RateLimitError,
  SignatureError,
} from '@esim-sandbox/core';
import { describe, expect, it } from 'vitest';
import type { EsimAccessMockOptions } from '../src/runtime/options.js';
import {
  type Edit,
  findBase,
  type Harness,
  type MakeHarness,
  orderAllocated,
  tamper,
} from './support/harness.js';

const pager = { pageNum: 1, pageSize: 10 };
const json = (edit: (body: Record<string, unknown>) => Record<string, unknown>) => (body: string) =>
  JSON.stringify(edit(JSON.parse(body) as Record<string, unknown>));

export interface ErrorCase {
  code: string;
  what: string;
  errorClass: typeof ProviderError;
  options?: EsimAccessMockOptions;
  act(h: Harness): Promise<unknown>;
}

/** A client whose requests are edited on the way out; edits that touch the body are re-signed. */
function edited(h: Harness, edit: Edit): EsimAccessClient {
  const resign = edit.body ? { resignWith: h.mock.secretKey } : {};
  return h.client({ fetch: tamper({ ...edit, ...resign }) });
}

/** Exported so the magic-value suite can check every documented code is reached by one of them or a magic value. */
export const cases: ErrorCase[] = [
  {
    code: '000101',
    what: 'a request without RT-Signature (documented profile: every signature header required)',
    errorClass: AuthenticationError,
    options: { fidelity: 'documented' },
    act: (h) => edited(h, { headers: ({ 'rt-signature': _, ...rest }) => rest }).getBalance(),
  },
  {
    code: '000102',
    what: 'an RT-Timestamp that is not a number',
    errorClass: AuthenticationError,
    act: (h) => edited(h, { headers: (x) => ({ ...x, 'rt-timestamp': 'yesterday' }) }).getBalance(),
  },
  {
    code: '000103',
    what: 'a GET (signed over its empty body)',
    errorClass: ProviderError,
    act: (h) => edited(h, { method: 'GET', body: () => '' }).getBalance(),
  },
  {
    code: '000104',
    what: 'a body that is not JSON',
    errorClass: ProviderError,
    act: (h) => edited(h, { body: () => '{"pager":' }).getBalance(),
  },
  {
    code: '000105',
    what: 'an esim/query without its mandatory pager',
    errorClass: ProviderError,
    act: (h) =>
      edited(h, { body: json(({ pager: _, ...rest }) => rest) }).queryProfiles({ orderNo: 'B1', pager }),
  },
  {
    code: '000106',
    what: 'a pager sent as null',
    errorClass: ProviderError,
    act: (h) =>
      edited(h, { body: json((b) => ({ ...b, pager: null })) }).queryProfiles({ orderNo: 'B1', pager }),
  },
  {
    code: '000107',
    what: 'an SMS longer than 500 characters',
    errorClass: ProviderError,
    act: (h) =>
      edited(h, { body: json((b) => ({ ...b, message: 'x'.repeat(501) })) }).sendSms({
        esimTranNo: '1',
        message: 'x',
      }),
  },
  {
    code: '101001',
    what: "an RT-Timestamp 11 minutes off the caller's clock",
    errorClass: SignatureError,
    act: (h) => h.client({ now: () => Date.now() + 11 * 60_000 }).getBalance(),
  },
  {
    code: '101001',
    what: 'an RT-RequestID used twice',
    errorClass: SignatureError,
    act: async (h) => {
      const client = h.client({ requestId: () => 'a9b3c0d4e5f60718293a4b5c6d7e8f90' });
      await client.getBalance();
      return client.getBalance();
    },
  },
  {
    code: '101002',
    what: 'a client address outside the allowlist',
    errorClass: AuthenticationError,
    options: { auth: { ipAllowlist: ['10.1.2.3'] } },
    act: (h) => h.client().getBalance(),
  },
  {
    code: '101003',
    what: 'a signature made with the wrong secret',
    errorClass: SignatureError,
    act: (h) => h.client({ secretKey: 'wrong' }).getBalance(),
  },
  {
    code: '401001',
    what: 'an unknown access code',
    errorClass: AuthenticationError,
    act: (h) => h.client({ accessCode: 'nobody' }).getBalance(),
  },
  {
    code: '200002',
    what: 'cancelling an installed profile',
    errorClass: ProviderError,
    act: async (h) => {
      const { esimTranNos } = await orderAllocated(
        h,
        findBase(h.mock, () => true),
      );
      h.account.installProfile(esimTranNos[0]!);
      return h.client().cancel({ esimTranNo: esimTranNos[0]! });
    },
  },
  {
    code: '200005',
    what: 'a unit price that is not the catalogue price',
    errorClass: ProviderError,
    act: (h) => {
      const pkg = findBase(h.mock, () => true);
      return h.client().order({
        transactionId: 'p',
        packageInfoList: [{ packageCode: pkg.packageCode, count: 1, price: pkg.price - 1 }],
      });
    },
  },
  {
    code: '200006',
    what: 'an amount that is not the sum of price x count',
    errorClass: ProviderError,
    act: (h) => {
      const pkg = findBase(h.mock, () => true);
      return h.client().order({
        transactionId: 'a',
        amount: pkg.price,
        packageInfoList: [{ packageCode: pkg.packageCode, count: 2 }],
      });
    },
  },
  {
    code: '200007',
    what: 'an order the balance does not cover',
    errorClass: ProviderError,
    act: (h) => {
      h.account.setBalance(0);
      return h.client().order({
        transactionId: 'b',
        packageInfoList: [{ packageCode: findBase(h.mock, () => true).packageCode, count: 1 }],
      });
    },
  },
  {
    code: '200010',
    what: 'querying an order still being allocated',
    errorClass: ProviderError,
    act: async (h) => {
      const pkg = findBase(h.mock, () => true);
      const { orderNo } = await h
        .client()
        .order({ transactionId: 'q', packageInfoList: [{ packageCode: pkg.packageCode, count: 1 }] });
      return h.client().queryProfiles({ orderNo, pager });
    },
  },
  {
    code: '200011',
    what: 'more profiles than the stock holds',
    errorClass: ProviderError,
    act: (h) => {
      const pkg = findBase(h.mock, () => true);
      h.account.setStock(pkg.packageCode, 1);
      return h
        .client()
        .order({ transactionId: 's', packageInfoList: [{ packageCode: pkg.packageCode, count: 2 }] });
    },
  },
  {
    code: '310241',
    what: 'an unknown packageCode',
    errorClass: ProviderError,
    act: (h) =>
      h.client().order({ transactionId: 'u', packageInfoList: [{ packageCode: 'NOPE42', count: 1 }] }),
  },
  {
    code: '310272',
    what: 'an unknown orderNo',
    errorClass: ProviderError,
    act: (h) => h.client().queryProfiles({ orderNo: 'B25010100000001', pager }),
  },
  {
    code: '310403',
    what: 'an unknown profile',
    errorClass: ProviderError,
    act: (h) => h.client().suspend({ esimTranNo: '25010100000001' }),
  },
  {
    code: '900001',
    what: 'more requests than the rate limit allows',
    errorClass: RateLimitError,
    options: { rateLimit: { limit: 2, windowMs: 60_000 } },
    act: async (h) => {
      const client = h.client();
      await client.getBalance();
      await client.getBalance();
      return client.getBalance();
    },
  },
];

export function runErrorContract(mode: string, make: MakeHarness): void {
  describe(`error codes (${mode})`, () => {
    it.each(cases)(
      'answers $code for $what, in an envelope the client turns into its error class',
      async (c) => {
        const h = await make(c.options);
        try {
          const error = await c.act(h).then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(error).toBeInstanceOf(c.errorClass);
          expect(error).toMatchObject({ provider: 'esimaccess', code: c.code });
          expect(h.account.tenant.journal.last()).toMatchObject({ status: 200, providerCode: c.code });
        } finally {
          await h.close();
        }
      },
    );

    it('leaves the balance and profiles untouched by every refused request', async () => {
      const h = await make();
      try {
        const before = h.account.state();
        await h
          .client({ secretKey: 'wrong' })
          .order({
            transactionId: 'x',
            packageInfoList: [{ packageCode: findBase(h.mock, () => true).packageCode, count: 1 }],
          })
          .catch(() => undefined);
        expect(h.account.state()).toEqual(before);
      } finally {
        await h.close();
      }
    });
  });
}
