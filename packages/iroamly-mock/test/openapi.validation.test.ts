import { afterEach, describe, expect, it } from 'vitest';
import type { IroamlyMock } from '../src/index.js';
import type { IroamlyMockOptions } from '../src/runtime/options.js';
import { authHeaders, get, manualMock, post } from './http.builders.js';

const mocks: IroamlyMock[] = [];
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((m) => m.close()));
});

function mock(options: IroamlyMockOptions = {}) {
  const m = manualMock(options);
  mocks.push(m);
  return m;
}

describe('parameter validation (code 3, through core’s schemas and mapper)', () => {
  it.each([
    ['/openapi/purchaseCode', '{"email":', 'body: not valid JSON'],
    ['/openapi/purchaseCode', '', 'email: is required'],
    ['/openapi/purchaseCode', '[]', 'body: must be a JSON object'],
    [
      '/openapi/purchaseCode',
      { email: 'not-an-email', productList: [] },
      'email: must be a valid email address',
    ],
    ['/openapi/purchaseCode', { email: 'a@b.co', productList: [] }, 'productList: must not be empty'],
    [
      '/openapi/purchaseCode',
      { email: 'a@b.co', productList: [{ productCode: 'x', quantity: 0 }] },
      'productList[0].quantity: must be at least 1',
    ],
    ['/openapi/codeQuery', {}, 'orderId: is required'],
    ['/openapi/codeQuery', { orderId: 42 }, 'orderId: must be a string'],
    ['/openapi/redeemQRcode', { email: 'a@b.co', codeList: [{}] }, 'codeList[0].redeemCode: is required'],
    ['/openapi/qrcodeQuery', {}, 'redeemCode: is required (or send code)'],
    [
      '/openapi/qrcodeQuery',
      { code: 'a', redeemCode: 'b' },
      'code: send either code or redeemCode, not both',
    ],
  ])('answers %s with %j by code 3 naming the field', async (path, body, msg) => {
    const m = mock();
    expect(await post(m, path, body)).toEqual({ status: 200, json: { code: 3, msg } });
  });

  it('debits nothing when a purchase is refused for its parameters', async () => {
    const m = mock({ balance: 5_000 });
    await post(m, '/openapi/purchaseCode', { email: 'x', productList: [{ productCode: 'a', quantity: 1 }] });
    expect(m.control.account().balance()).toBe(5_000);
  });
});

describe('HTTP methods and paths', () => {
  it('accepts GET with parameters in the query string', async () => {
    const m = mock();
    expect((await get(m, '/openapi/codeQuery?orderId=abc-defg-hijklmnopqr')).json).toMatchObject({ code: 7 });
    expect((await get(m, '/openapi/qrcodeQuery?code=nosuchcode123')).json).toMatchObject({ code: 7 });
  });

  it('refuses GET with code 3 when GET is switched off', async () => {
    const m = mock({ http: { allowGet: false } });
    expect((await get(m, '/openapi/codeQuery?orderId=x')).json).toEqual({
      code: 3,
      msg: 'method: use POST',
    });
  });

  it('answers an unknown path or method with HTTP 404 and code -1', async () => {
    const m = mock();
    const res = await m.emulator.request('/openapi/nothing', { method: 'POST', headers: authHeaders(m) });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: -1 });
    const put = await m.emulator.request('/openapi/codeQuery', { method: 'PUT', headers: authHeaders(m) });
    expect(put.status).toBe(404);
  });
});

describe('getPlanItem', () => {
  it('returns a bare array of the region’s plans', async () => {
    const m = mock();
    const res = await get(m, '/common/getPlanItem?region=japan', {});
    expect(res.status).toBe(200);
    expect(res.json).toEqual(m.catalog.products.filter((p) => p.item.region === 'Japan').map((p) => p.item));
  });

  it.each([
    ['region=atlantis', "region: no plans for 'atlantis'"],
    ['', 'region: is required'],
  ])('answers %j with HTTP 404 by default', async (query, msg) => {
    const m = mock();
    expect(await get(m, `/common/getPlanItem?${query}`, {})).toEqual({
      status: 404,
      json: { code: 3, msg: expect.stringContaining(msg) },
    });
  });

  it('answers an unknown region with [] when configured so', async () => {
    const m = mock({ http: { unknownRegion: 'empty' } });
    expect(await get(m, '/common/getPlanItem?region=atlantis', {})).toEqual({ status: 200, json: [] });
  });
});

describe('internal failures', () => {
  it('answers a route that throws with code -1, logging the cause', async () => {
    const logged: string[] = [];
    const broken = {
      regions: [],
      products: [
        {
          get item(): never {
            throw new Error('catalogue storage unavailable');
          },
          price: 1,
        },
      ],
    };
    const m = mock({ catalog: broken, logger: { error: (line) => logged.push(line) } });
    const res = await post(m, '/openapi/purchaseCode', {
      email: 'a@b.co',
      productList: [{ productCode: 'abc', quantity: 1 }],
    });
    expect(res).toEqual({ status: 200, json: { code: -1, msg: 'Request failed: internal error' } });
    expect(logged.join('\n')).toContain('catalogue storage unavailable');
    expect(m.control.account().balance()).toBe(100_000);
  });
});
