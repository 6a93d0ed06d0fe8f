import { HttpResponse, http, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../src/errors.js';
import { IroamlyClient, type IroamlyClientOptions } from '../src/iroamly/client.js';

const BASE = 'https://api.iroamly.shop';
/** FIPS 180-2 "abc…nopq" vector split into a 32-char AuthKey and a secret; its published SHA-256 is the header. */
const AUTH_KEY = 'abcdbcdecdefdefgefghfghighijhijk';
const AUTH_SECRET = 'ijkljklmklmnlmnomnopnopq';
const CERTIFICATION = '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1';

interface WireRequest {
  method: string;
  path: string;
  search: string;
  authKey: string | null;
  certification: string | null;
  contentType: string | null;
  body: string;
}

const server = setupServer();
const seen: WireRequest[] = [];

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  seen.length = 0;
});
afterAll(() => server.close());

/** Answers `method path` with `json` and records exactly what arrived on the wire. */
function answer(method: 'get' | 'post', path: string, json: JsonBodyType, status = 200) {
  server.use(
    http[method](`${BASE}${path}`, async ({ request }) => {
      const url = new URL(request.url);
      seen.push({
        method: request.method,
        path: url.pathname,
        search: url.search,
        authKey: request.headers.get('AuthKey'),
        certification: request.headers.get('Certification'),
        contentType: request.headers.get('Content-Type'),
        body: await request.text(),
      });
      return HttpResponse.json(json, { status });
    }),
  );
}

function client(extra: Partial<IroamlyClientOptions> = {}) {
  return new IroamlyClient({ authKey: AUTH_KEY, authSecret: AUTH_SECRET, sleep: async () => {}, ...extra });
}

/** The wire request every openapi call must produce. */
function openapiCall(path: string, body: unknown): WireRequest {
  return {
    method: 'POST',
    path,
    search: '',
    authKey: AUTH_KEY,
    certification: CERTIFICATION,
    contentType: 'application/json',
    body: JSON.stringify(body),
  };
}

describe('IroamlyClient endpoints', () => {
  it('purchase posts the order to purchaseCode and returns the order id', async () => {
    answer('post', '/openapi/purchaseCode', { code: 1, msg: 'success', orderId: 'xxx-xxxx-sd9hn8df333' });
    const productList = [
      { productCode: 'm8hed7h2fed', quantity: 2 },
      { productCode: 'cn88beg9edj', quantity: 1 },
    ];
    const result = await client().purchase({ email: '2m827n32d@gmail.com', productList });
    expect(result).toEqual({ orderId: 'xxx-xxxx-sd9hn8df333' });
    expect(seen).toEqual([
      openapiCall('/openapi/purchaseCode', { email: '2m827n32d@gmail.com', productList }),
    ]);
  });

  it('queryCodes posts the order id to codeQuery and returns the redeem codes', async () => {
    const data = [
      { productCode: 'm8hed7h2fed', redeemCode: '3cd2m3f23f3f3', expire_at: '2024-06-30', status: 0 },
      { productCode: 'v2jf28dj2w', redeemCode: 'd923j29ef2323', expire_at: '2024-06-30', status: 2 },
    ];
    answer('post', '/openapi/codeQuery', { code: 1, msg: 'success', data });
    expect(await client().queryCodes('xxx-xxx-dh239jdu28')).toEqual(data);
    expect(seen).toEqual([openapiCall('/openapi/codeQuery', { orderId: 'xxx-xxx-dh239jdu28' })]);
  });

  it('redeemQrCode posts the email and codes to redeemQRcode and resolves on success', async () => {
    answer('post', '/openapi/redeemQRcode', { code: 1, msg: 'success' });
    const request = { email: '2m827n32d@gmail.com', codeList: [{ redeemCode: 'm8hed7h2fed' }] };
    await expect(client().redeemQrCode(request)).resolves.toBeUndefined();
    expect(seen).toEqual([openapiCall('/openapi/redeemQRcode', request)]);
  });

  it.each([
    { field: undefined, sent: { redeemCode: 'm8hed7h2fed' } },
    { field: 'code' as const, sent: { code: 'm8hed7h2fed' } },
  ])('queryQrCode sends the redeem code as $sent and returns the QR URL', async ({ field, sent }) => {
    const qr = { redeemCode: 'm8hed7h2fed', qrcode: 'https://dsfjigewafe/qrcode.jpg' };
    answer('post', '/openapi/qrcodeQuery', { code: 1, msg: 'success', ...qr });
    expect(await client({ qrcodeQueryField: field }).queryQrCode('m8hed7h2fed')).toEqual(qr);
    expect(seen).toEqual([openapiCall('/openapi/qrcodeQuery', sent)]);
  });

  it('listPlans gets the public plan list for a region without sending credentials', async () => {
    const plan = {
      plan: 'United States 10GB',
      productCode: 'us10gb30d',
      data: '10GB',
      type: 'Total',
      package_type: 'data',
      duration: '30',
      speed: '5G',
      operator: 'T-Mobile',
      region: 'United States',
      region_index: 1,
      credit: 9.9,
      remark: 'hotspot allowed',
    };
    answer('get', '/common/getPlanItem', [plan]);
    expect(await client().listPlans('united-states')).toEqual([plan]);
    expect(seen).toEqual([
      {
        method: 'GET',
        path: '/common/getPlanItem',
        search: '?region=united-states',
        authKey: null,
        certification: null,
        contentType: null,
        body: '',
      },
    ]);
  });

  it.each([
    { name: 'HTTP 404', json: { message: 'not found' }, status: 404 },
    { name: 'an empty array', json: [], status: 200 },
  ])('listPlans returns [] for an unknown region answered with $name', async ({ json, status }) => {
    answer('get', '/common/getPlanItem', json, status);
    expect(await client().listPlans('atlantis')).toEqual([]);
  });

  it('waits for a supplied rate limiter before every request', async () => {
    answer('post', '/openapi/codeQuery', { code: 1, msg: 'success', data: [] });
    const acquired: number[] = [];
    const rateLimit = { acquire: async () => void acquired.push(seen.length) };
    const iroamly = client({ rateLimit });
    await iroamly.queryCodes('o-1');
    await iroamly.queryCodes('o-2');
    // Each acquire happened before its own request reached the server.
    expect(acquired).toEqual([0, 1]);
    expect(seen).toHaveLength(2);
  });

  it('sends to a custom base URL, such as the fake', async () => {
    server.use(
      http.post('http://127.0.0.1:4010/openapi/codeQuery', () =>
        HttpResponse.json({ code: 1, msg: 'ok', data: [] }),
      ),
    );
    expect(await client({ baseUrl: 'http://127.0.0.1:4010/' }).queryCodes('o-1')).toEqual([]);
  });
});

describe('IroamlyClient arguments', () => {
  function caught(fn: () => unknown): unknown {
    try {
      fn();
    } catch (error) {
      return error;
    }
    throw new Error('expected the call to throw');
  }

  it.each([
    { name: 'an empty authKey', options: { authKey: '' }, field: 'authKey' },
    { name: 'a 33-character authKey', options: { authKey: 'k'.repeat(33) }, field: 'authKey' },
    { name: 'an empty authSecret', options: { authSecret: '' }, field: 'authSecret' },
    { name: 'a 51-character authSecret', options: { authSecret: 's'.repeat(51) }, field: 'authSecret' },
    { name: 'a relative baseUrl', options: { baseUrl: '/openapi' }, field: 'baseUrl' },
    { name: 'a negative timeout', options: { timeoutMs: -1 }, field: 'timeoutMs' },
    { name: 'a fractional retry count', options: { retry: { maxRetries: 1.5 } }, field: 'retry' },
    { name: 'a zero rate limit', options: { rateLimit: { limit: 0, windowMs: 1000 } }, field: 'rateLimit' },
  ])('construction rejects $name naming the field $field', ({ options, field }) => {
    const error = caught(() => new IroamlyClient({ authKey: AUTH_KEY, authSecret: AUTH_SECRET, ...options }));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ field });
  });

  it.each([
    {
      name: 'a bad email',
      call: (c: IroamlyClient) =>
        c.purchase({ email: 'nobody', productList: [{ productCode: 'p', quantity: 1 }] }),
      field: 'request.email',
    },
    {
      name: 'an empty productList',
      call: (c: IroamlyClient) => c.purchase({ email: 'a@b.co', productList: [] }),
      field: 'request.productList',
    },
    {
      name: 'a quantity of zero',
      call: (c: IroamlyClient) =>
        c.purchase({ email: 'a@b.co', productList: [{ productCode: 'p', quantity: 0 }] }),
      field: 'request.productList[0].quantity',
    },
    { name: 'an empty orderId', call: (c: IroamlyClient) => c.queryCodes(''), field: 'orderId' },
    {
      name: 'an empty codeList',
      call: (c: IroamlyClient) => c.redeemQrCode({ email: 'a@b.co', codeList: [] }),
      field: 'request.codeList',
    },
    { name: 'an empty redeem code', call: (c: IroamlyClient) => c.queryQrCode(''), field: 'redeemCode' },
    { name: 'an empty region', call: (c: IroamlyClient) => c.listPlans(''), field: 'region' },
    {
      name: 'a zero per-call timeout',
      call: (c: IroamlyClient) => c.queryCodes('o-1', { timeoutMs: 0 }),
      field: 'options.timeoutMs',
    },
  ])('rejects $name naming $field before anything is sent', async ({ call, field }) => {
    // No handler is installed: a request reaching the network would fail the test as unhandled.
    await expect(call(client())).rejects.toSatisfy(
      (error) => error instanceof InvalidArgumentError && error.field === field,
    );
    expect(seen).toEqual([]);
  });

  it('keeps the secret and the certification out of the inspected client', async () => {
    const { inspect } = await import('node:util');
    const shown = inspect(client(), { depth: 5 });
    expect(shown).not.toContain(AUTH_SECRET);
    expect(shown).not.toContain(CERTIFICATION);
  });
});
