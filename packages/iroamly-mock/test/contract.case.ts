/**
 * The contract every transport of the mock must honour, driven only through core's IroamlyClient (the back
 * doors are used to arrange and observe: balance, clock, faults, outbox). `runContract` is called once per
 * transport (HTTP server, msw).
 */
import {
  AuthenticationError,
  IroamlyClient,
  type IroamlyClientOptions,
  ProviderError,
} from '@esim-sandbox/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createIroamlyMock, type IroamlyMock } from '../src/index.js';
import type { IroamlyMockOptions } from '../src/runtime/options.js';
import { ORDER_ID_PATTERN, REDEEM_CODE_PATTERN } from '../src/state/ids.js';

export interface Harness {
  mock: IroamlyMock;
  client(overrides?: Partial<IroamlyClientOptions>): IroamlyClient;
  /** Fetches a URL the mock handed out (a QR image) the way the app under test would. */
  fetchUrl(url: string): Promise<Response>;
  close(): Promise<void>;
}

/** Starts `mock` on the transport under test. */
export type Serve = (mock: IroamlyMock) => Promise<Omit<Harness, 'mock' | 'client'> & { baseUrl: string }>;

const START = '2024-06-01T00:00:00Z';
const noSleep = async () => {};

async function providerError(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProviderError) return error;
    throw error;
  }
  throw new Error('expected the call to fail with a ProviderError');
}

export function runContract(transport: string, serve: Serve): void {
  describe(`iRoamly contract over ${transport}`, () => {
    const open: Harness[] = [];
    afterEach(async () => {
      await Promise.all(open.splice(0).map((h) => h.close()));
    });

    async function start(options: IroamlyMockOptions = {}): Promise<Harness> {
      const mock = createIroamlyMock({ clock: 'manual', startTime: START, seed: 'contract', ...options });
      const served = await serve(mock);
      const harness: Harness = {
        ...served,
        mock,
        client: (overrides) =>
          new IroamlyClient({
            authKey: mock.authKey,
            authSecret: mock.authSecret,
            baseUrl: served.baseUrl,
            retry: false,
            sleep: noSleep,
            ...overrides,
          }),
      };
      open.push(harness);
      return harness;
    }

    function firstProduct(h: Harness) {
      const product = h.mock.catalog.products[0];
      if (!product) throw new Error('empty catalogue');
      return product;
    }

    async function buy(h: Harness, quantity = 1) {
      const client = h.client();
      const { orderId } = await client.purchase({
        email: 'shop@example.com',
        productList: [{ productCode: firstProduct(h).item.productCode, quantity }],
      });
      return { client, orderId, codes: await client.queryCodes(orderId) };
    }

    it('lists plans by ISO2 code, name or slug, and an unknown region as empty', async () => {
      const h = await start();
      const client = h.client();
      const byIso = await client.listPlans('US');
      expect(byIso.length).toBeGreaterThan(0);
      expect(byIso.every((p) => p.region === 'United States')).toBe(true);
      expect(await client.listPlans('united-states')).toEqual(byIso);
      expect(await client.listPlans('United States')).toEqual(byIso);
      expect(await client.listPlans('atlantis')).toEqual([]);
    });

    it('buys codes, debits the exact price and lists them as not redeemed', async () => {
      const h = await start({ balance: 10_000 });
      const { orderId, codes } = await buy(h, 3);
      expect(orderId).toMatch(ORDER_ID_PATTERN);
      expect(codes).toHaveLength(3);
      for (const code of codes) {
        expect(code).toMatchObject({ productCode: firstProduct(h).item.productCode, status: 0 });
        expect(code.redeemCode).toMatch(REDEEM_CODE_PATTERN);
        expect(code.expire_at).toBe('2024-11-28');
      }
      expect(h.mock.control.account().balance()).toBe(10_000 - 3 * firstProduct(h).price);
    });

    it('answers an unknown product with code 4 naming it, and debits nothing', async () => {
      const h = await start({ balance: 10_000 });
      const error = await providerError(
        h.client().purchase({ email: 'a@b.co', productList: [{ productCode: 'nosuchprodu', quantity: 1 }] }),
      );
      expect(error.code).toBe('4');
      expect(error.message).toContain('nosuchprodu');
      expect(h.mock.control.account().balance()).toBe(10_000);
    });

    it.each([
      [5, {}],
      [6, { insufficientBalanceCode: 6 as const }],
    ])('answers a purchase above the balance with code %i', async (code, behaviour) => {
      const h = await start({ behaviour });
      h.mock.control.account().setBalance(firstProduct(h).price - 1);
      const error = await providerError(buy(h));
      expect(error.code).toBe(String(code));
      expect(error.retryable).toBe(false);
      expect(h.mock.control.account().balance()).toBe(firstProduct(h).price - 1);
    });

    it('refuses a wrong AuthSecret or an unknown AuthKey with code 2 as an AuthenticationError', async () => {
      const h = await start();
      for (const credentials of [
        { authSecret: 'not-the-secret' },
        { authKey: 'someone-else', authSecret: 'x' },
      ]) {
        const error = await providerError(h.client(credentials).queryCodes('abc-defg-hijklmnopqr'));
        expect(error).toBeInstanceOf(AuthenticationError);
        expect(error.code).toBe('2');
      }
    });

    it('answers code 7 for an unknown order, and code 3 when configured so', async () => {
      const seven = await start();
      expect((await providerError(seven.client().queryCodes('abc-defg-hijklmnopqr'))).code).toBe('7');
      const three = await start({ behaviour: { unknownOrderCode: 3 } });
      expect((await providerError(three.client().queryCodes('abc-defg-hijklmnopqr'))).code).toBe('3');
    });

    it('answers an injected failure with code -1, which a safe call retries past', async () => {
      const h = await start();
      const faults = h.mock.control.account().tenant.faults;
      faults.add({ path: '/openapi/purchaseCode', times: 1, action: { type: 'error', code: '-1' } });
      const error = await providerError(buy(h));
      expect(error.code).toBe('-1');
      expect(error.retryable).toBe(true);
      const { orderId } = await buy(h);
      faults.add({ path: '/openapi/codeQuery', times: 1, action: { type: 'error', code: '-1' } });
      const retrying = h.client({ retry: { maxRetries: 1 } });
      expect(await retrying.queryCodes(orderId)).toHaveLength(1);
      const answered = h.mock.control
        .account()
        .tenant.journal.list({ path: '/openapi/codeQuery' })
        .map((e) => e.providerCode);
      expect(answered.slice(-2)).toEqual(['-1', '1']);
    });

    it('redeems 0 → 1 → 2 after the delay, serves the QR as a PNG and mails it', async () => {
      const h = await start();
      const { client, orderId, codes } = await buy(h, 2);
      const redeemCode = codes[0]!.redeemCode;
      await client.redeemQrCode({ email: 'traveller@example.com', codeList: [{ redeemCode }] });
      expect((await client.queryCodes(orderId)).map((c) => c.status)).toEqual([1, 0]);
      expect((await providerError(client.queryQrCode(redeemCode))).code).toBe('7');

      await h.mock.control.account().advance(2_999);
      expect((await client.queryCodes(orderId))[0]?.status).toBe(1);
      await h.mock.control.account().advance(1);
      expect((await client.queryCodes(orderId)).map((c) => c.status)).toEqual([2, 0]);

      const qr = await client.queryQrCode(redeemCode);
      expect(qr.redeemCode).toBe(redeemCode);
      const png = await h.fetchUrl(qr.qrcode);
      expect(png.headers.get('content-type')).toBe('image/png');
      const bytes = new Uint8Array(await png.arrayBuffer());
      expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

      const mail = h.mock.control.account().outbox('traveller@example.com');
      expect(mail).toHaveLength(1);
      expect(mail[0]).toMatchObject({ kind: 'qr_redeemed', createdAt: '2024-06-01T00:00:03.000Z' });
      expect(mail[0]?.codes[0]?.qrcode).toBe(qr.qrcode);
      expect(mail[0]?.html).toContain(`<img src="${qr.qrcode}"`);
    });

    it('redeems 0 → 1 → 3 when the redemption is made to fail, then lets it be redeemed again', async () => {
      const h = await start();
      const { client, orderId, codes } = await buy(h);
      const codeList = [{ redeemCode: codes[0]!.redeemCode }];
      h.mock.control.account().failNextRedemption({ reason: 'no profile left' });
      await client.redeemQrCode({ email: 'traveller@example.com', codeList });
      await h.mock.control.account().advance(3_000);
      expect((await client.queryCodes(orderId))[0]?.status).toBe(3);
      expect(h.mock.control.account().outbox().at(-1)).toMatchObject({
        kind: 'redemption_failed',
        failureReason: 'no profile left',
      });
      await client.redeemQrCode({ email: 'traveller@example.com', codeList });
      await h.mock.control.account().advance(3_000);
      expect((await client.queryCodes(orderId))[0]?.status).toBe(2);
    });

    it('refuses to redeem a code twice with code 7', async () => {
      const h = await start();
      const { client, codes } = await buy(h);
      const request = { email: 'a@b.co', codeList: [{ redeemCode: codes[0]!.redeemCode }] };
      await client.redeemQrCode(request);
      expect((await providerError(client.redeemQrCode(request))).code).toBe('7');
      await h.mock.control.account().advance(10_000);
      expect((await providerError(client.redeemQrCode(request))).code).toBe('7');
    });

    it('refuses an expired code with code 7 and keeps it unredeemed', async () => {
      const h = await start({ behaviour: { codeValidityDays: 1 } });
      const { client, orderId, codes } = await buy(h);
      expect(codes[0]?.expire_at).toBe('2024-06-02');
      await h.mock.control.account().advance(2 * 86_400_000);
      const error = await providerError(
        client.redeemQrCode({ email: 'a@b.co', codeList: [{ redeemCode: codes[0]!.redeemCode }] }),
      );
      expect(error.code).toBe('7');
      expect(error.message).toContain('expired on 2024-06-02');
      expect((await client.queryCodes(orderId))[0]?.status).toBe(0);
    });

    it('reads the redeem code from either qrcodeQuery field', async () => {
      const h = await start();
      const { client, codes } = await buy(h);
      const redeemCode = codes[0]!.redeemCode;
      await client.redeemQrCode({ email: 'a@b.co', codeList: [{ redeemCode }] });
      await h.mock.control.account().advance(3_000);
      const viaCode = await h.client({ qrcodeQueryField: 'code' }).queryQrCode(redeemCode);
      expect(viaCode).toEqual(await client.queryQrCode(redeemCode));
    });
  });
}
