/**
 * Fidelity points of issue #14 through a real transport: every endpoint by GET with its parameters in the query
 * string (lists as JSON text), the magic emails for the codes without a natural trigger, the limit on codes per
 * purchase, and ids named like JavaScript built-ins behaving like any unknown id.
 */
import { IROAMLY_MAX_CODES_PER_PURCHASE, IroamlyClient, ProviderError } from '@esim-sandbox/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createIroamlyMock, type IroamlyMock } from '../src/index.js';
import { iroamlyMagicValues } from '../src/ops/magic.js';
import type { Serve } from './contract.case.js';
import { authHeaders } from './http.builders.js';

const BUILT_IN_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
const EMAIL = 'shop@example.com';

interface Served {
  mock: IroamlyMock;
  client: IroamlyClient;
  /** A raw call as an app without core's client would make it. */
  call(
    method: 'GET' | 'POST',
    path: string,
    params: Record<string, unknown>,
  ): Promise<Record<string, unknown>>;
  productCode: string;
}

export function runFidelityContract(transport: string, serve: Serve): void {
  describe(`iRoamly fidelity over ${transport}`, () => {
    const open: (() => Promise<void>)[] = [];
    afterEach(async () => {
      await Promise.all(open.splice(0).map((close) => close()));
    });

    async function start(): Promise<Served> {
      const mock = createIroamlyMock({
        clock: 'manual',
        startTime: '2024-06-01T00:00:00Z',
        seed: 'fidelity',
      });
      const served = await serve(mock);
      open.push(served.close);
      const client = new IroamlyClient({
        authKey: mock.authKey,
        authSecret: mock.authSecret,
        baseUrl: served.baseUrl,
        retry: false,
      });
      const call: Served['call'] = async (method, path, params) => {
        const url = new URL(path, served.baseUrl);
        if (method === 'GET') {
          for (const [name, value] of Object.entries(params)) {
            url.searchParams.set(name, typeof value === 'string' ? value : JSON.stringify(value));
          }
        }
        const res = await fetch(url, {
          method,
          headers: { ...authHeaders(mock), 'Content-Type': 'application/json' },
          ...(method === 'POST' ? { body: JSON.stringify(params) } : {}),
        });
        expect(res.status).toBe(200);
        return (await res.json()) as Record<string, unknown>;
      };
      return { mock, client, call, productCode: mock.catalog.products[0]!.item.productCode };
    }

    it('serves all four endpoints by GET, lists as JSON text in the query string', async () => {
      const s = await start();
      const before = s.mock.control.account().balance();
      const bought = await s.call('GET', '/openapi/purchaseCode', {
        email: EMAIL,
        productList: [{ productCode: s.productCode, quantity: 2 }],
      });
      expect(bought).toMatchObject({ code: 1, orderId: expect.any(String) });
      expect(s.mock.control.account().balance()).toBe(before - 2 * s.mock.catalog.products[0]!.price);
      const codes = await s.call('GET', '/openapi/codeQuery', { orderId: bought.orderId });
      expect(codes).toMatchObject({ code: 1, data: [{ status: 0 }, { status: 0 }] });
      const [first] = codes.data as { redeemCode: string }[];
      const redeemed = await s.call('GET', '/openapi/redeemQRcode', {
        email: EMAIL,
        codeList: [{ redeemCode: first!.redeemCode }],
      });
      expect(redeemed).toEqual({ code: 1, msg: 'success' });
      await s.mock.control.account().advance(10_000);
      expect(await s.call('GET', '/openapi/qrcodeQuery', { redeemCode: first!.redeemCode })).toMatchObject({
        code: 1,
        qrcode: expect.stringMatching(/\/qrcode\/[0-9a-f]{32}\.png$/),
      });
    });

    it.each([
      ['/openapi/purchaseCode', { email: EMAIL, productList: 'not json' }, /^productList: must be an array/],
      ['/openapi/redeemQRcode', { email: EMAIL, codeList: '[{"redeemCode":' }, /^codeList: must be an array/],
    ])('answers GET %s with a list that is not JSON with code 3 naming it', async (path, params, msg) => {
      const s = await start();
      expect(await s.call('GET', path, params)).toEqual({ code: 3, msg: expect.stringMatching(msg) });
    });

    it.each(
      iroamlyMagicValues.flatMap((m) => [
        { ...m, endpoint: 'purchaseCode' },
        { ...m, endpoint: 'redeemQRcode' },
      ]),
    )('answers code $code in $endpoint for the magic $field $value, and changes nothing', async (m) => {
      const s = await start();
      const { orderId } = await s.client.purchase({
        email: EMAIL,
        productList: [{ productCode: s.productCode, quantity: 1 }],
      });
      const [code] = await s.client.queryCodes(orderId);
      const before = s.mock.control.account().state();
      const balance = s.mock.control.account().balance();
      const attempt =
        m.endpoint === 'purchaseCode'
          ? s.client.purchase({ email: m.value, productList: [{ productCode: s.productCode, quantity: 1 }] })
          : s.client.redeemQrCode({ email: m.value, codeList: [{ redeemCode: code!.redeemCode }] });
      const error = await attempt.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ code: String(m.code) });
      expect(s.mock.control.account().balance()).toBe(balance);
      expect(Object.keys(s.mock.control.account().state().orders)).toEqual(Object.keys(before.orders));
      expect(await s.client.queryCodes(orderId)).toEqual([code]);
    });

    it(`answers code 3 for more than ${IROAMLY_MAX_CODES_PER_PURCHASE} codes in one purchase, and debits nothing`, async () => {
      const s = await start();
      s.mock.control.account().setBalance(100_000_000);
      const half = IROAMLY_MAX_CODES_PER_PURCHASE / 2;
      const lines = [
        { productCode: s.productCode, quantity: half },
        { productCode: s.productCode, quantity: half + 1 },
      ];
      for (const method of ['POST', 'GET'] as const) {
        expect(await s.call(method, '/openapi/purchaseCode', { email: EMAIL, productList: lines })).toEqual({
          code: 3,
          msg: `productList: must not ask for more than ${IROAMLY_MAX_CODES_PER_PURCHASE} codes in all`,
        });
      }
      expect(s.mock.control.account().balance()).toBe(100_000_000);
      lines[1]!.quantity = half;
      expect(
        await s.call('POST', '/openapi/purchaseCode', { email: EMAIL, productList: lines }),
      ).toMatchObject({
        code: 1,
      });
    });

    it.each(BUILT_IN_NAMES)('treats %s as an unknown orderId, redeem code and productCode', async (name) => {
      const s = await start();
      await s.client.purchase({ email: EMAIL, productList: [{ productCode: s.productCode, quantity: 1 }] });
      const balance = s.mock.control.account().balance();
      const answers = [
        await s.call('POST', '/openapi/codeQuery', { orderId: name }),
        await s.call('GET', '/openapi/codeQuery', { orderId: name }),
        await s.call('POST', '/openapi/qrcodeQuery', { redeemCode: name }),
        await s.call('POST', '/openapi/redeemQRcode', { email: EMAIL, codeList: [{ redeemCode: name }] }),
        await s.call('POST', '/openapi/purchaseCode', {
          email: EMAIL,
          productList: [{ productCode: name, quantity: 1 }],
        }),
      ];
      expect(answers.map((a) => a.code)).toEqual([7, 7, 7, 7, 4]);
      expect(s.mock.control.account().balance()).toBe(balance);
    });
  });
}
