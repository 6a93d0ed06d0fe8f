/**
 * Accounts made through /_sandbox/accounts live side by side in one mock: each has its own balance, orders,
 * profiles and clock, and no request of one account can see or change another's.
 */
import { EsimAccessClient } from '@esim-sandbox/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findBase, type Harness, overHttp } from './support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await overHttp();
});
afterEach(() => h.close());

const control = (path: string, init: RequestInit = {}) =>
  fetch(`${h.baseUrl}/_sandbox${path}`, { headers: { 'content-type': 'application/json' }, ...init });

async function createAccount(params: unknown) {
  const res = await control('/accounts', { method: 'POST', body: JSON.stringify({ params }) });
  return {
    status: res.status,
    body: (await res.json()) as { id: string; key: string; secret: string; error?: { field?: string } },
  };
}

describe('tenants', () => {
  it("keeps a second account's orders, profiles and balance out of the first account's reach", async () => {
    const { status, body: other } = await createAccount({ balance: 5_000_000 });
    expect(status).toBe(201);
    const theirs = new EsimAccessClient({
      accessCode: other.key,
      secretKey: other.secret,
      baseUrl: h.baseUrl,
      retry: false,
      rateLimit: false,
    });
    const mine = h.client();
    const pkg = findBase(h.mock, () => true);
    const myBalance = (await mine.getBalance()).balance;

    const { orderNo } = await theirs.order({
      transactionId: 'shared-txn',
      packageInfoList: [{ packageCode: pkg.packageCode, count: 1 }],
    });
    await control(`/accounts/${other.id}/clock/advance`, {
      method: 'POST',
      body: JSON.stringify({ ms: 2_000 }),
    });
    const [profile] = (await theirs.queryProfiles({ orderNo, pager: { pageNum: 1, pageSize: 5 } })).esimList;
    expect(profile).toBeDefined();
    expect((await theirs.getBalance()).balance).toBe(5_000_000 - pkg.price);

    await expect(mine.queryProfiles({ orderNo, pager: { pageNum: 1, pageSize: 5 } })).rejects.toMatchObject({
      code: '310272',
    });
    await expect(mine.cancel({ esimTranNo: profile!.esimTranNo })).rejects.toMatchObject({ code: '310403' });
    expect(
      (await mine.queryProfiles({ iccid: profile!.iccid, pager: { pageNum: 1, pageSize: 5 } })).esimList,
    ).toEqual([]);
    expect((await mine.getBalance()).balance).toBe(myBalance);

    // The same transactionId in another account is another order, charged to that account.
    const { orderNo: myOrder } = await mine.order({
      transactionId: 'shared-txn',
      packageInfoList: [{ packageCode: pkg.packageCode, count: 1 }],
    });
    expect((await mine.getBalance()).balance).toBe(myBalance - pkg.price);
    expect(Object.keys(h.account.state().orders)).toEqual([myOrder]);
    expect(Object.keys(h.mock.control.account(other.id).state().orders)).toEqual([orderNo]);

    const installOther = await control(`/accounts/default/profiles/${profile!.esimTranNo}/install`, {
      method: 'POST',
      body: '{}',
    });
    expect(installOther.status).toBe(404);
    expect(h.mock.control.account(other.id).profile(profile!.esimTranNo).smdpStatus).toBe('RELEASED');
  });

  it('refuses bad account params with a 400 naming the field', async () => {
    const { status, body } = await createAccount({ balance: -1 });
    expect(status).toBe(400);
    expect(body.error?.field).toBe('params.balance');
  });
});
