/**
 * The switches for places where the provider's docs are silent or contradict themselves (README "Fidelity"), each
 * checked through the provider API in process.
 */
import { ESIM_ACCESS_HEADERS, EsimAccessClient, RateLimitError } from '@esim-sandbox/core';
import { describe, expect, it } from 'vitest';
import { createEsimAccessMock, type EsimAccessMock } from '../src/index.js';
import type { EsimAccessMockOptions } from '../src/runtime/options.js';
import { findBase, START } from './support/harness.js';

const make = (options: EsimAccessMockOptions = {}) =>
  createEsimAccessMock({ clock: 'manual', startTime: START, seed: 'options', ...options });

const clientOf = (
  mock: EsimAccessMock,
  extra: Partial<ConstructorParameters<typeof EsimAccessClient>[0]> = {},
) =>
  new EsimAccessClient({
    accessCode: mock.accessCode,
    secretKey: mock.secretKey,
    fetch: (input, init) => mock.fetch(new Request(input, init)),
    retry: false,
    rateLimit: false,
    ...extra,
  });

const post = (mock: EsimAccessMock, path: string, headers: Record<string, string>, body = '{}') =>
  mock
    .request(`/api/v1/open${path}`, { method: 'POST', headers, body })
    .then((r) => r.json() as Promise<Record<string, unknown>>);

describe('mock options', () => {
  it('accepts RT-AccessCode alone in access-code-only mode, but still checks a signature that is sent', async () => {
    const mock = make({ auth: { signature: 'access-code-only' } });
    expect(
      await post(mock, '/balance/query', { [ESIM_ACCESS_HEADERS.accessCode]: mock.accessCode }),
    ).toMatchObject({ success: true, obj: { balance: 10_000_000 } });
    await expect(clientOf(mock, { secretKey: 'wrong' }).getBalance()).rejects.toMatchObject({
      code: '101003',
    });
    await expect(clientOf(mock, { signing: 'access-code-only' }).getBalance()).resolves.toEqual({
      balance: 10_000_000,
    });
  });

  it('requires the signature headers in the documented profile', async () => {
    const mock = make({ fidelity: 'documented' });
    expect(await post(mock, '/balance/query', { [ESIM_ACCESS_HEADERS.accessCode]: mock.accessCode })).toEqual(
      {
        success: false,
        errorCode: '000101',
        errorMsg: 'Missing mandatory header: RT-Timestamp',
        obj: null,
      },
    );
  });

  it('spells success as a string when asked to, which the client still understands', async () => {
    const mock = make({ envelope: { success: 'string' }, auth: { signature: 'access-code-only' } });
    const ok = await post(mock, '/balance/query', { [ESIM_ACCESS_HEADERS.accessCode]: mock.accessCode });
    expect(ok).toMatchObject({ success: 'true', errorCode: null });
    expect(
      await post(mock, '/balance/query', { [ESIM_ACCESS_HEADERS.accessCode]: mock.accessCode }, 'x'),
    ).toMatchObject({ success: 'false', errorCode: '000104' });
    await expect(clientOf(mock).getBalance()).resolves.toEqual({ balance: 10_000_000 });
  });

  it("narrows the timestamp window around the caller's clock", async () => {
    const mock = make({ auth: { timestampWindowMs: 1_000 } });
    await expect(clientOf(mock, { now: () => Date.now() + 1_500 }).getBalance()).rejects.toMatchObject({
      code: '101001',
    });
    await expect(clientOf(mock, { now: () => Date.now() + 900 }).getBalance()).resolves.toBeDefined();
  });

  it('writes REVOKE instead of REVOKED when configured', async () => {
    const mock = make({ behaviour: { revokedStatus: 'REVOKE', allocationDelayMs: 0 } });
    const client = clientOf(mock);
    const { orderNo } = await client.order({
      transactionId: 'r',
      packageInfoList: [{ packageCode: findBase(mock, () => true).packageCode, count: 1 }],
    });
    await mock.control.account().advance(0);
    const [profile] = (await client.queryProfiles({ orderNo, pager: { pageNum: 1, pageSize: 5 } })).esimList;
    await client.revoke({ esimTranNo: profile!.esimTranNo });
    expect(mock.control.account().profile(profile!.esimTranNo).esimStatus).toBe('REVOKE');
  });

  it('answers a repeated transactionId with 310402 when configured to reject duplicates', async () => {
    const mock = make({ behaviour: { duplicateTransactionId: 'reject' } });
    const order = {
      transactionId: 'dup',
      packageInfoList: [{ packageCode: findBase(mock, () => true).packageCode, count: 1 }],
    };
    await clientOf(mock).order(order);
    await expect(clientOf(mock).order(order)).rejects.toMatchObject({ code: '310402' });
  });

  it('sells from a catalogue object instead of the generated one', async () => {
    const pkg = {
      packageCode: 'JC016',
      slug: 'JP_1_7',
      name: 'Japan 1GB 7Days',
      price: 15_000,
      currencyCode: 'USD',
      volume: 1024 ** 3,
      duration: 7,
      durationUnit: 'DAY',
      location: 'JP',
      supportTopUpType: 1,
    };
    const mock = make({ catalog: { packages: [pkg], locations: [{ code: 'JP', name: 'Japan', type: 1 }] } });
    expect(await clientOf(mock).listPackages()).toEqual([pkg]);
  });

  it('answers an injected fault in the provider envelope', async () => {
    const mock = make();
    mock.control.account().tenant.faults.add({
      path: '/api/v1/open/esim/order',
      times: 1,
      action: { type: 'error', code: '900001' },
    });
    const order = {
      transactionId: 'f',
      packageInfoList: [{ packageCode: findBase(mock, () => true).packageCode, count: 1 }],
    };
    await expect(clientOf(mock).order(order)).rejects.toBeInstanceOf(RateLimitError);
    await expect(clientOf(mock).order(order)).resolves.toMatchObject({ transactionId: 'f' });
  });

  it('answers an unknown path with HTTP 404 in the envelope', async () => {
    const mock = make({ auth: { signature: 'access-code-only' } });
    const res = await mock.request('/api/v1/open/esim/nothing', {
      method: 'POST',
      headers: { [ESIM_ACCESS_HEADERS.accessCode]: mock.accessCode },
      body: '{}',
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ success: false, errorCode: '000001' });
  });
});
