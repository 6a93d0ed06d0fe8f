/**
 * The provider routes of the control API over HTTP: the device and back-office actions the provider never exposes,
 * with the engine's error format (400 naming the field, 404 unknown, 409 not allowed by the lifecycle).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findBase, type Harness, orderAllocated, overHttp } from './support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await overHttp();
});
afterEach(() => h.close());

interface ControlBody {
  [key: string]: unknown;
  error?: { code: string; field?: string };
  ledger?: { kind: string; balance: number }[];
}

async function call(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: ControlBody }> {
  const res = await fetch(`${h.baseUrl}/_sandbox/accounts/default${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as ControlBody };
}

describe('control API', () => {
  it('installs a profile, adds usage and expires it, each step visible to the provider API', async () => {
    const pkg = findBase(h.mock, (p) => p.activeType === 2);
    const { esimTranNos } = await orderAllocated(h, pkg);
    const id = esimTranNos[0]!;
    expect((await call('POST', `/profiles/${id}/install`, { until: 'INSTALLATION' })).body).toMatchObject({
      smdpStatus: 'INSTALLATION',
    });
    expect(
      (await call('POST', `/profiles/${id}/install`, { eid: '89049032000000000000000000000001' })).body,
    ).toMatchObject({ smdpStatus: 'ENABLED', eid: expect.stringMatching(/^89049032/) });
    expect((await call('POST', `/profiles/${id}/usage`, { bytes: pkg.volume })).body).toMatchObject({
      esimStatus: 'USED_UP',
      orderUsage: pkg.volume,
    });
    expect((await call('POST', `/profiles/${id}/expire`)).body).toMatchObject({ esimStatus: 'USED_EXPIRED' });
    const [usage] = await h.client().queryUsage({ esimTranNoList: [id] });
    expect(usage?.dataUsage).toBe(pkg.volume);
  });

  it('sets the balance and the stock the provider API then answers with', async () => {
    const pkg = findBase(h.mock, () => true);
    expect((await call('PUT', '/balance', { balance: 123_456 })).status).toBe(200);
    expect(await h.client().getBalance()).toEqual({ balance: 123_456 });
    expect((await call('GET', '/balance')).body.ledger?.at(-1)).toMatchObject({
      kind: 'adjust',
      balance: 123_456,
    });
    expect((await call('PUT', `/stock/${pkg.packageCode}`, { count: 0 })).status).toBe(200);
    await expect(
      h.client().order({ transactionId: 's', packageInfoList: [{ packageCode: pkg.packageCode, count: 1 }] }),
    ).rejects.toMatchObject({ code: '200011' });
    await call('PUT', `/stock/${pkg.packageCode}`, { count: null });
    expect((await call('GET', '/stock')).body).toEqual({ stock: {} });
  });

  it('allocates an order on demand instead of waiting for the delay', async () => {
    const pkg = findBase(h.mock, () => true);
    const { orderNo } = await h
      .client()
      .order({ transactionId: 'now', packageInfoList: [{ packageCode: pkg.packageCode, count: 2 }] });
    expect((await call('POST', `/orders/${orderNo}/allocate`)).body).toMatchObject({
      status: 'GOT_RESOURCE',
      esimTranNos: [expect.any(String), expect.any(String)],
    });
    expect(
      (await h.client().queryProfiles({ orderNo, pager: { pageNum: 1, pageSize: 5 } })).pager.total,
    ).toBe(2);
    expect((await call('POST', `/orders/${orderNo}/allocate`)).status).toBe(409);
  });

  it.each([
    ['an unknown profile', 'POST', '/profiles/00000000000000/install', {}, 404, '310403'],
    ['an unknown order', 'GET', '/orders/B00000000000000', undefined, 404, '310272'],
    ['an unknown package', 'PUT', '/stock/NOPE', { count: 1 }, 404, '310241'],
  ])('answers %s with %s', async (_what, method, path, body, status, code) => {
    const res = await call(method, path, body);
    expect(res.status).toBe(status);
    expect(res.body.error).toMatchObject({ code });
  });

  it('refuses a lifecycle move with 409 and a bad body with 400 naming the field', async () => {
    const { esimTranNos } = await orderAllocated(
      h,
      findBase(h.mock, () => true),
    );
    const usage = await call('POST', `/profiles/${esimTranNos[0]}/usage`, { bytes: 10 });
    expect(usage.status).toBe(409);
    expect(usage.body.error).toMatchObject({ code: '200002' });
    const bad = await call('POST', `/profiles/${esimTranNos[0]}/usage`, { bytes: -5 });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'bytes' });
  });
});
