import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  InvalidArgumentError,
  ProviderError,
  RateLimitError,
  ResponseValidationError,
  SignatureError,
} from '../src/errors.js';
import type { EsimAccessClientOptions } from '../src/esimaccess/client/options.js';
import { EsimAccessClient } from '../src/esimaccess/client.js';
import { fail, makeClient, ok, useEsimAccessServer } from './esimaccess/harness.js';

const { answer, seen } = useEsimAccessServer();

describe('envelope variants', () => {
  it.each([
    {
      name: 'boolean true, errorCode null, errorMsg',
      envelope: { success: true, errorCode: null, errorMsg: null, obj: { balance: 1 } },
    },
    {
      name: 'string "true", errorCode "0", errorMessage',
      envelope: { success: 'true', errorCode: '0', errorMessage: null, obj: { balance: 1 } },
    },
    { name: 'string "true" with no error fields at all', envelope: { success: 'true', obj: { balance: 1 } } },
  ])('accepts a success envelope with $name', async ({ envelope }) => {
    answer('/balance/query', envelope);
    await expect(makeClient().getBalance()).resolves.toEqual({ balance: 1 });
  });

  it.each([
    {
      name: 'errorMsg and boolean false',
      envelope: { success: false, errorCode: '200007', errorMsg: 'the balance is insufficient', obj: null },
    },
    {
      name: 'errorMessage and string "false"',
      envelope: { success: 'false', errorCode: '200007', errorMessage: 'the balance is insufficient' },
    },
  ])('reads a failure envelope with $name', async ({ envelope }) => {
    answer('/esim/order', envelope);
    const error = await makeClient()
      .order({ transactionId: 't1', packageInfoList: [{ packageCode: 'JC016', count: 1 }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: '200007', provider: 'esimaccess', retryable: false });
    expect((error as Error).message).toContain('the balance is insufficient');
  });

  it('restores the leading zeros of a numeric errorCode', async () => {
    answer('/balance/query', { success: false, errorCode: 105, errorMsg: 'missing' });
    await expect(makeClient().getBalance()).rejects.toMatchObject({ code: '000105' });
  });
});

describe('provider error classes', () => {
  it.each([
    { code: '101001', cls: SignatureError, retryable: false },
    { code: '101003', cls: SignatureError, retryable: false },
    { code: '000101', cls: AuthenticationError, retryable: false },
    { code: '000102', cls: AuthenticationError, retryable: false },
    { code: '101002', cls: AuthenticationError, retryable: false },
    { code: '900001', cls: RateLimitError, retryable: true },
    { code: '000001', cls: ProviderError, retryable: true },
    { code: '200010', cls: ProviderError, retryable: true },
    { code: '200002', cls: ProviderError, retryable: false },
    { code: '310272', cls: ProviderError, retryable: false },
    { code: '999999', cls: ProviderError, retryable: false },
  ])(
    'maps $code to $cls.name (retryable: $retryable) carrying the request id',
    async ({ code, cls, retryable }) => {
      answer('/esim/cancel', fail(code, `text of ${code}`));
      const error = await makeClient()
        .cancel({ esimTranNo: '24111319542101' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(cls);
      expect(error?.constructor).toBe(cls);
      expect(error).toMatchObject({
        provider: 'esimaccess',
        code,
        retryable,
        httpStatus: 200,
        requestId: seen[0]?.requestId,
      });
      expect((error as Error).message).toContain(`text of ${code}`);
    },
  );

  it('falls back to the table meaning when the envelope has no message', async () => {
    answer('/balance/query', { success: false, errorCode: '310241' });
    await expect(makeClient().getBalance()).rejects.toThrow('packageCode does not exist');
  });

  it.each([
    { status: 503, cls: ProviderError, retryable: true },
    { status: 429, cls: RateLimitError, retryable: true },
    { status: 404, cls: ProviderError, retryable: false },
  ])('turns a non-envelope HTTP $status into $cls.name', async ({ status, cls, retryable }) => {
    answer('/balance/query', () => new HttpResponse('upstream says no', { status }));
    const error = await makeClient({ retry: false })
      .getBalance()
      .catch((e: unknown) => e);
    expect(error?.constructor).toBe(cls);
    expect(error).toMatchObject({ code: `HTTP_${status}`, httpStatus: status, retryable });
  });
});

describe('response validation', () => {
  it('names the path of a wrong field inside obj', async () => {
    answer(
      '/esim/query',
      ok({ esimList: [{ esimTranNo: '1' }], pager: { pageNum: 1, pageSize: 5, total: 1 } }),
    );
    const error = await makeClient()
      .queryProfiles({ esimTranNo: '1', pager: { pageNum: 1, pageSize: 5 } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    const paths = (error as ResponseValidationError).issues.map((i) => i.path);
    expect(paths).toContain('obj.esimList[0].orderNo');
    expect((error as Error).message).toContain('/api/v1/open/esim/query');
  });

  it('rejects a money field that is not an integer', async () => {
    answer('/balance/query', ok({ balance: 12.5 }));
    await expect(makeClient().getBalance()).rejects.toMatchObject({
      code: 'RESPONSE_VALIDATION',
      issues: [expect.objectContaining({ path: 'obj.balance' })],
    });
  });

  it('rejects an envelope without success', async () => {
    answer('/balance/query', { obj: { balance: 1 } });
    await expect(makeClient().getBalance()).rejects.toMatchObject({
      code: 'RESPONSE_VALIDATION',
      issues: [expect.objectContaining({ path: 'success' })],
    });
  });

  it('rejects an HTTP 200 body that is not JSON', async () => {
    answer('/balance/query', () => new HttpResponse('<html>gateway</html>', { status: 200 }));
    await expect(makeClient().getBalance()).rejects.toBeInstanceOf(ResponseValidationError);
  });
});

describe('argument validation', () => {
  it.each([
    {
      name: 'order without transactionId',
      call: (c: EsimAccessClient) => c.order({ packageInfoList: [{ packageCode: 'A', count: 1 }] } as never),
      field: 'order.transactionId',
    },
    {
      name: 'order with a 51-character transactionId',
      call: (c: EsimAccessClient) =>
        c.order({ transactionId: 'x'.repeat(51), packageInfoList: [{ packageCode: 'A', count: 1 }] }),
      field: 'order.transactionId',
    },
    {
      name: 'order with count 0',
      call: (c: EsimAccessClient) =>
        c.order({ transactionId: 't', packageInfoList: [{ packageCode: 'A', count: 0 }] }),
      field: 'order.packageInfoList[0].count',
    },
    {
      name: 'order of 31 eSIMs',
      call: (c: EsimAccessClient) =>
        c.order({
          transactionId: 't',
          packageInfoList: [
            { packageCode: 'A', count: 20 },
            { slug: 'B', count: 11 },
          ],
        }),
      field: 'order.packageInfoList',
    },
    {
      name: 'queryProfiles with pageSize 4',
      call: (c: EsimAccessClient) => c.queryProfiles({ orderNo: 'B1', pager: { pageNum: 1, pageSize: 4 } }),
      field: 'queryProfiles.pager.pageSize',
    },
    {
      name: 'queryProfiles with startTime but no endTime',
      call: (c: EsimAccessClient) =>
        c.queryProfiles({ startTime: '2024-05-01T00:00:00+0000', pager: { pageNum: 1, pageSize: 5 } }),
      field: 'queryProfiles.endTime',
    },
    {
      name: 'cancel without identifier',
      call: (c: EsimAccessClient) => c.cancel({}),
      field: 'cancel.esimTranNo',
    },
    {
      name: 'sendSms with 501 characters',
      call: (c: EsimAccessClient) => c.sendSms({ iccid: '8985', message: 'x'.repeat(501) }),
      field: 'sendSms.message',
    },
    {
      name: 'queryUsage of 11 profiles',
      call: (c: EsimAccessClient) =>
        c.queryUsage({ esimTranNoList: Array.from({ length: 11 }, (_, i) => `${i}`) }),
      field: 'queryUsage.esimTranNoList',
    },
    {
      name: 'saveWebhook with an ftp URL',
      call: (c: EsimAccessClient) => c.saveWebhook({ webhook: 'ftp://example.com/hook' }),
      field: 'saveWebhook.webhook',
    },
    {
      name: 'topUp without packageCode',
      call: (c: EsimAccessClient) => c.topUp({ esimTranNo: '1', transactionId: 't' } as never),
      field: 'topUp.packageCode',
    },
  ])('rejects $name naming $field, sending nothing', async ({ call, field }) => {
    const error = await call(makeClient()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', field });
    expect(seen).toHaveLength(0);
  });
});

describe('construction', () => {
  it.each([
    { name: 'missing accessCode', options: { secretKey: 's' }, field: 'accessCode' },
    { name: 'blank accessCode', options: { accessCode: '  ', secretKey: 's' }, field: 'accessCode' },
    { name: 'missing secretKey', options: { accessCode: 'a' }, field: 'secretKey' },
    {
      name: 'an unknown signing mode',
      options: { accessCode: 'a', secretKey: 's', signing: 'md5' },
      field: 'signing',
    },
    {
      name: 'a zero timeout',
      options: { accessCode: 'a', secretKey: 's', timeoutMs: 0 },
      field: 'timeoutMs',
    },
    {
      name: 'a rate limit of 0',
      options: { accessCode: 'a', secretKey: 's', rateLimit: { limit: 0, windowMs: 1000 } },
      field: 'rateLimit',
    },
    {
      name: 'a negative retry count',
      options: { accessCode: 'a', secretKey: 's', retry: { maxRetries: -1 } },
      field: 'retry',
    },
    {
      name: 'a relative baseUrl',
      options: { accessCode: 'a', secretKey: 's', baseUrl: 'not a url' },
      field: 'baseUrl',
    },
  ])('throws InvalidArgumentError for $name', ({ options, field }) => {
    expect(() => new EsimAccessClient(options as unknown as EsimAccessClientOptions)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', field }),
    );
  });
});
