/**
 * The documented codes the error suite does not reach: the two with a natural trigger it leaves out (200008,
 * 310402), and every magic value of src/ops/magic.ts in both endpoints that recognise them. A magic value fails
 * the request before anything changes.
 */
import { type EsimAccessPackage, ProviderError } from '@esim-sandbox/core';
import { describe, expect, it } from 'vitest';
import { esimAccessMagicValues } from '../src/ops/magic.js';
import type { EsimAccessMockOptions } from '../src/runtime/options.js';
import { findBase, type Harness, type MakeHarness, orderAllocated } from './support/harness.js';

export interface NaturalCase {
  code: string;
  what: string;
  options?: EsimAccessMockOptions;
  act(h: Harness): Promise<unknown>;
}

const topUpPackage = (h: Harness, base: EsimAccessPackage): EsimAccessPackage => {
  const pkg = h.mock.catalog.topUpsFor(base)[0];
  if (!pkg) throw new Error(`no top-up for ${base.packageCode}`);
  return pkg;
};
const withTopUps = (h: Harness) => findBase(h.mock, (p) => h.mock.catalog.topUpsFor(p).length > 0);

/** Reached by what the request itself says (or a documented switch), no magic needed. */
export const naturalCases: NaturalCase[] = [
  {
    code: '200008',
    what: 'a top-up package ordered with esim/order',
    act: (h) =>
      h.client().order({
        transactionId: 'topup-in-order',
        packageInfoList: [{ packageCode: topUpPackage(h, withTopUps(h)).packageCode, count: 1 }],
      }),
  },
  {
    code: '310402',
    what: "a repeated transactionId with behaviour.duplicateTransactionId 'reject'",
    options: { behaviour: { duplicateTransactionId: 'reject' } },
    act: async (h) => {
      const order = {
        transactionId: 'twice',
        packageInfoList: [{ packageCode: findBase(h.mock, () => true).packageCode, count: 1 }],
      };
      await h.client().order(order);
      return h.client().order(order);
    },
  },
];

/** The field's value: the magic one where the case puts it, an ordinary one elsewhere. */
const pick = (magic: (typeof esimAccessMagicValues)[number], field: string, ordinary: string) =>
  magic.field === field ? magic.value : ordinary;

const magicRequests = esimAccessMagicValues.flatMap((magic) => [
  {
    ...magic,
    endpoint: 'esim/order',
    send: (h: Harness) =>
      h.client().order({
        transactionId: pick(magic, 'transactionId', 'magic-order'),
        packageInfoList: [
          { packageCode: pick(magic, 'packageCode', findBase(h.mock, () => true).packageCode), count: 1 },
        ],
      }),
  },
  {
    ...magic,
    endpoint: 'esim/topup',
    send: async (h: Harness) => {
      const base = withTopUps(h);
      const { esimTranNos } = await orderAllocated(h, base);
      return h.client().topUp({
        esimTranNo: esimTranNos[0]!,
        transactionId: pick(magic, 'transactionId', 'magic-topup'),
        packageCode: pick(magic, 'packageCode', topUpPackage(h, base).packageCode),
      });
    },
  },
]);

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

export function runMagicContract(mode: string, make: MakeHarness): void {
  describe(`error codes without a fault (${mode})`, () => {
    it.each(naturalCases)('answers $code for $what', async (c) => {
      const h = await make(c.options);
      try {
        const error = await failure(c.act(h));
        expect(error).toBeInstanceOf(ProviderError);
        expect(error).toMatchObject({ provider: 'esimaccess', code: c.code });
      } finally {
        await h.close();
      }
    });

    it.each(magicRequests)(
      'answers $code in $endpoint for the magic $field $value, and changes nothing',
      async (m) => {
        const h = await make();
        try {
          const error = await failure(m.send(h));
          const after = h.account.state();
          expect(error).toBeInstanceOf(ProviderError);
          expect(error).toMatchObject({
            code: m.code,
            message: expect.stringContaining(`sandbox magic value ${m.field} ${m.value}`),
          });
          expect(h.account.tenant.journal.last()).toMatchObject({ status: 200, providerCode: m.code });
          expect(Object.keys(after.orders)).toHaveLength(m.endpoint === 'esim/order' ? 0 : 1);
          expect(Object.keys(after.topUps)).toHaveLength(0);
          expect(after.ledger.filter((e) => e.kind === 'topup')).toHaveLength(0);
        } finally {
          await h.close();
        }
      },
    );
  });
}
