import { HttpResponse, http, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  ConnectionError,
  ProviderError,
  ResponseValidationError,
} from '../src/errors.js';
import { IroamlyClient } from '../src/iroamly/client.js';

const BASE = 'https://api.iroamly.shop';
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type Step = { json: JsonBodyType; status?: number } | 'network-error';

/** Plays `steps` in order on one endpoint (the last one repeats) and counts the requests that arrived. */
function script(method: 'get' | 'post', path: string, steps: Step[]) {
  const hits = { count: 0 };
  server.use(
    http[method](`${BASE}${path}`, () => {
      const step = steps[Math.min(hits.count, steps.length - 1)]!;
      hits.count++;
      if (step === 'network-error') return HttpResponse.error();
      return HttpResponse.json(step.json, { status: step.status ?? 200 });
    }),
  );
  return hits;
}

const client = () =>
  new IroamlyClient({
    authKey: 'key',
    authSecret: 'secret',
    sleep: async () => {},
    retry: { maxRetries: 2 },
  });

const purchase = (c: IroamlyClient) =>
  c.purchase({ email: 'a@b.co', productList: [{ productCode: 'p', quantity: 1 }] });
const redeem = (c: IroamlyClient) => c.redeemQrCode({ email: 'a@b.co', codeList: [{ redeemCode: 'r' }] });
const okCodes = { json: { code: 1, msg: 'success', data: [] } };

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('IroamlyClient provider errors', () => {
  it.each([
    { code: 2, msg: 'Request parameter authentication failed', type: AuthenticationError, retryable: false },
    { code: 3, msg: 'Parameters not filled as required', type: ProviderError, retryable: false },
    { code: 4, msg: 'Product code does not exist', type: ProviderError, retryable: false },
    { code: 5, msg: 'Insufficient balance', type: ProviderError, retryable: false },
    { code: 6, msg: 'Insufficient balance', type: ProviderError, retryable: false },
    {
      code: 7,
      msg: 'Redeem code has been redeemed or does not exist',
      type: ProviderError,
      retryable: false,
    },
    { code: -1, msg: 'Request failed', type: ProviderError, retryable: true },
  ])(
    'turns code $code into a $type.name with retryable $retryable',
    async ({ code, msg, type, retryable }) => {
      const hits = script('post', '/openapi/purchaseCode', [{ json: { code, msg } }]);
      const error = await rejection(purchase(client()));
      expect(error).toBeInstanceOf(type);
      expect(error).toMatchObject({ provider: 'iroamly', code: String(code), retryable, raw: { code, msg } });
      expect((error as Error).message).toContain(msg);
      // A purchase is never sent twice, not even after the retryable -1.
      expect(hits.count).toBe(1);
    },
  );

  it('reads the code from an error body even when it comes with an HTTP error status', async () => {
    script('post', '/openapi/codeQuery', [{ json: { code: 2, msg: 'auth failed' }, status: 401 }]);
    const error = await rejection(client().queryCodes('o-1'));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: '2', httpStatus: 401 });
  });

  it('reports an HTTP error without an envelope as a ProviderError carrying the status', async () => {
    script('post', '/openapi/redeemQRcode', [{ json: { error: 'bad gateway' }, status: 502 }]);
    const error = await rejection(redeem(client()));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'HTTP_502', httpStatus: 502, retryable: true });
  });
});

describe('IroamlyClient retries', () => {
  it.each([
    { name: 'purchase', path: '/openapi/purchaseCode', call: purchase },
    { name: 'redeemQrCode', path: '/openapi/redeemQRcode', call: redeem },
  ])('never retries $name after a network error, since it could act twice', async ({ path, call }) => {
    const hits = script('post', path, [
      'network-error',
      { json: { code: 1, msg: 'success', orderId: 'o-1' } },
    ]);
    await expect(call(client())).rejects.toBeInstanceOf(ConnectionError);
    expect(hits.count).toBe(1);
  });

  it('retries queryCodes after a network error and returns the later answer', async () => {
    const hits = script('post', '/openapi/codeQuery', ['network-error', okCodes]);
    expect(await client().queryCodes('o-1')).toEqual([]);
    expect(hits.count).toBe(2);
  });

  it('retries queryQrCode after the provider answers -1', async () => {
    const qr = { code: 1, msg: 'success', redeemCode: 'r', qrcode: 'https://qr.example/r.png' };
    const hits = script('post', '/openapi/qrcodeQuery', [
      { json: { code: -1, msg: 'Request failed' } },
      { json: qr },
    ]);
    expect(await client().queryQrCode('r')).toEqual({ redeemCode: 'r', qrcode: 'https://qr.example/r.png' });
    expect(hits.count).toBe(2);
  });

  it('retries listPlans after a server error', async () => {
    const hits = script('get', '/common/getPlanItem', [{ json: {}, status: 503 }, { json: [] }]);
    expect(await client().listPlans('JP')).toEqual([]);
    expect(hits.count).toBe(2);
  });

  it('gives up on a safe call after the configured retries and surfaces the last error', async () => {
    const hits = script('post', '/openapi/codeQuery', [{ json: { code: -1, msg: 'Request failed' } }]);
    const error = await rejection(client().queryCodes('o-1'));
    expect(error).toMatchObject({ code: '-1', retryable: true });
    expect(hits.count).toBe(3);
  });

  it('does not retry a query answered with a non-retryable code', async () => {
    const hits = script('post', '/openapi/qrcodeQuery', [{ json: { code: 7, msg: 'redeemed' } }]);
    await expect(client().queryQrCode('r')).rejects.toMatchObject({ code: '7', retryable: false });
    expect(hits.count).toBe(1);
  });
});

describe('IroamlyClient response validation', () => {
  it.each([
    {
      name: 'a codeQuery item with an unknown status',
      path: '/openapi/codeQuery',
      json: {
        code: 1,
        msg: 'ok',
        data: [{ productCode: 'p', redeemCode: 'r', expire_at: '2024-06-30', status: 9 }],
      },
      call: (c: IroamlyClient) => c.queryCodes('o-1'),
      issuePath: 'data[0].status',
    },
    {
      name: 'a purchase answer without orderId',
      path: '/openapi/purchaseCode',
      json: { code: 1, msg: 'success' },
      call: purchase,
      issuePath: 'orderId',
    },
    {
      name: 'a qrcode that is not a URL',
      path: '/openapi/qrcodeQuery',
      json: { code: 1, msg: 'ok', redeemCode: 'r', qrcode: 'r.png' },
      call: (c: IroamlyClient) => c.queryQrCode('r'),
      issuePath: 'qrcode',
    },
    {
      name: 'an envelope without a code',
      path: '/openapi/redeemQRcode',
      json: { msg: 'success' },
      call: redeem,
      issuePath: 'code',
    },
  ])(
    'rejects $name with a ResponseValidationError at $issuePath',
    async ({ path, json, call, issuePath }) => {
      script('post', path, [{ json }]);
      const error = await rejection(call(client()));
      expect(error).toBeInstanceOf(ResponseValidationError);
      expect((error as ResponseValidationError).issues[0]?.path).toBe(issuePath);
      expect((error as Error).message).toContain(issuePath);
    },
  );

  it('rejects a plan list with a bad item, naming its index and field', async () => {
    script('get', '/common/getPlanItem', [{ json: [{ plan: 'x' }] }]);
    const error = await rejection(client().listPlans('JP'));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues.map((issue) => issue.path)).toContain('[0].productCode');
  });

  it('rejects a body that is not JSON', async () => {
    server.use(http.post(`${BASE}/openapi/codeQuery`, () => HttpResponse.text('<html>maintenance</html>')));
    const error = await rejection(client().queryCodes('o-1'));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toContain('not JSON');
  });
});
