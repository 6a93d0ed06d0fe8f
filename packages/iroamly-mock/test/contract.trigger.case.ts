/**
 * `POST /_sandbox/accounts/:account/trigger` (issue #17): iRoamly sends mails, not webhooks, so a trigger makes the
 * fake send one mail of the asked kind, purchasing a code first when none is named; and `POST .../orders`, the
 * purchase without credentials the CLI uses. Observed through core's IroamlyClient and the outbox.
 */
import { IroamlyClient } from '@esim-sandbox/core';
import { afterEach, describe, expect, it } from 'vitest';
import { TRIGGER_KINDS } from '../src/control/trigger.js';
import { createIroamlyMock, type IroamlyMock } from '../src/index.js';
import type { Serve } from './contract.case.js';

interface Answer {
  type: string;
  steps: string[];
  created: { orderId: string; redeemCode: string } | null;
  messages: { kind: string; to: string; codes: { redeemCode: string; qrcode?: string }[] }[];
  error?: { code: string; message: string; field?: string };
}

const STATUS_AFTER = { codes_purchased: 0, qr_redeemed: 2, redemption_failed: 3 } as const;

export function runTriggerContract(transport: string, serve: Serve): void {
  describe(`the trigger control route over ${transport}`, () => {
    let closers: (() => Promise<void>)[] = [];
    afterEach(async () => {
      await Promise.all(closers.map((close) => close()));
      closers = [];
    });
    async function start(): Promise<{
      mock: IroamlyMock;
      post(path: string, body: unknown): Promise<[number, Answer]>;
      client: IroamlyClient;
    }> {
      const mock = createIroamlyMock({ clock: 'manual', startTime: '2024-06-01T00:00:00Z', seed: 'trigger' });
      const served = await serve(mock);
      closers.push(served.close);
      const post = async (path: string, body: unknown): Promise<[number, Answer]> => {
        const res = await fetch(`${served.baseUrl}/_sandbox/accounts/default${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        return [res.status, (await res.json()) as Answer];
      };
      const client = new IroamlyClient({
        authKey: mock.authKey,
        authSecret: mock.authSecret,
        baseUrl: served.baseUrl,
        retry: false,
      });
      return { mock, post, client };
    }

    it.each(TRIGGER_KINDS)('sends a %s mail, purchasing a code first', async (type) => {
      const { post, client } = await start();
      const [status, body] = await post('/trigger', { type });
      expect(status).toBe(200);
      expect(body.messages.map((m) => m.kind)).toContain(type);
      const code = body.created!.redeemCode;
      const codes = await client.queryCodes(body.created!.orderId);
      expect(codes.find((c) => c.redeemCode === code)?.status).toBe(STATUS_AFTER[type]);
    });

    it('redeems a code the account already has when one is named', async () => {
      const { post } = await start();
      const [, first] = await post('/trigger', { type: 'codes_purchased' });
      const redeemCode = first.created!.redeemCode;
      const [status, body] = await post('/trigger', { type: 'qr_redeemed', redeemCode });
      expect(status).toBe(200);
      expect(body.created).toBeNull();
      expect(body.messages[0]?.codes[0]).toMatchObject({
        redeemCode,
        qrcode: expect.stringContaining('/qrcode/'),
      });
    });

    it('purchases through POST /orders with the checks of purchaseCode, naming a missing field', async () => {
      const { post, mock } = await start();
      const [status, order] = await post('/orders', {
        productCode: mock.control.catalog().products[0]!.productCode,
        quantity: 2,
      });
      expect(status).toBe(200);
      expect(order).toMatchObject({
        orderId: expect.any(String),
        codes: [expect.any(String), expect.any(String)],
      });
      const [bad, refused] = await post('/orders', {});
      expect(bad).toBe(400);
      expect(refused.error?.field).toBe('productCode');
    });

    it.each([
      [{ type: 'nope' }, 400, 'INVALID_ARGUMENT'],
      [{ type: 'qr_redeemed', redeemCode: 'missing' }, 409, '7'],
      [{ type: 'codes_purchased', productCode: 'NO-SUCH' }, 409, '4'],
    ])('refuses %j with HTTP %i and code %s', async (input, status, code) => {
      const { post, mock } = await start();
      const [got, body] = await post('/trigger', input);
      expect(got).toBe(status);
      expect(body.error?.code).toBe(code);
      expect(mock.control.account().outbox()).toEqual([]);
    });
  });
}
