/**
 * Engine limits and account isolation as iRoamly clients see them, for every transport: a body over
 * `maxBodyBytes` is refused unread with the provider's -1, and the public plan list never touches an account whose
 * credentials it does not carry in full.
 */

import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FetchLike, IroamlyClient, ProviderError } from '@esim-sandbox/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createIroamlyMock } from '../src/index.js';
import type { IroamlyMockOptions } from '../src/runtime/options.js';
import type { Harness, Serve } from './contract.case.js';

export function runLimitsContract(transport: string, serve: Serve): void {
  describe(`iRoamly limits and isolation over ${transport}`, () => {
    const open: Pick<Harness, 'close'>[] = [];
    afterEach(async () => {
      await Promise.all(open.splice(0).map((h) => h.close()));
    });

    async function start(options: IroamlyMockOptions = {}) {
      const mock = createIroamlyMock({ clock: 'manual', seed: 'limits', ...options });
      const served = await serve(mock);
      open.push(served);
      const client = (fetch?: FetchLike) =>
        new IroamlyClient({
          authKey: mock.authKey,
          authSecret: mock.authSecret,
          baseUrl: served.baseUrl,
          retry: false,
          ...(fetch ? { fetch } : {}),
        });
      return { mock, client, baseUrl: served.baseUrl };
    }

    it('answers code -1 for a body over maxBodyBytes and charges nothing', async () => {
      const { mock, client } = await start({ maxBodyBytes: 2_048 });
      const tenant = mock.emulator.defaultAccount;
      const before = structuredClone(tenant.state);
      const padded: FetchLike = (input, init) =>
        fetch(input, {
          ...init,
          body: JSON.stringify({ ...(JSON.parse(String(init?.body)) as object), note: 'x'.repeat(3_000) }),
        });
      const product = mock.catalog.products[0]!.item.productCode;
      const error = await client(padded)
        .purchase({ email: 'shop@example.com', productList: [{ productCode: product, quantity: 1 }] })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ code: '-1' });
      expect(tenant.state).toEqual(before);
      expect(tenant.journal.last()).toMatchObject({ providerCode: '-1', authenticated: false });
    });

    it('answers code -1 when the purchase cannot be saved, charges nothing, and a retry is charged once', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'iroamly-save-'));
      const stateFile = join(dir, 'state.json');
      try {
        const { mock, client } = await start({ stateFile, logger: { error: () => {} } });
        const tenant = mock.emulator.defaultAccount;
        const balance = tenant.state.balance;
        // A non-empty folder where the file is renamed to: every save fails until it is gone.
        await rm(stateFile);
        await mkdir(join(stateFile, 'blocker'), { recursive: true });
        const product = mock.catalog.products[0]!.item;
        const order = {
          email: 'shop@example.com',
          productList: [{ productCode: product.productCode, quantity: 1 }],
        };
        const error = await client()
          .purchase(order)
          .then(
            () => undefined,
            (e: unknown) => e,
          );
        expect(error).toMatchObject({ code: '-1' });
        expect(tenant.state.balance).toBe(balance);
        await rm(stateFile, { recursive: true });
        await client().purchase(order);
        expect(tenant.state.balance).toBeLessThan(balance);
        expect(Object.keys(tenant.state.orders)).toHaveLength(1);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('the public plan list with only another account’s AuthKey spends nothing of that account', async () => {
      const { mock, baseUrl } = await start();
      const other = mock.emulator.createAccount();
      other.rateLimit.set({ limit: 1, windowMs: 60_000 });
      other.faults.add({ path: '/common/getPlanItem', times: 1, action: { type: 'error', code: '-1' } });
      const plans = await fetch(`${baseUrl}/common/getPlanItem?region=US`, {
        headers: { AuthKey: other.key },
      });
      expect(plans.status).toBe(200);
      expect(Array.isArray(await plans.json())).toBe(true);
      expect(other.journal.list()).toEqual([]);
      expect(other.faults.list()).toHaveLength(1);
      expect(mock.emulator.defaultAccount.journal.last()).toMatchObject({ path: '/common/getPlanItem' });
    });
  });
}
