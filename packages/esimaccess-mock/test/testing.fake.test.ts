import { ProviderError } from '@esim-sandbox/core';
import { startWebhookReceiver } from '@esim-sandbox/emulator/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { DEFAULT_BALANCE } from '../src/runtime/options.js';
import { startEsimAccessFake, useEsimAccessFake } from '../src/testing/index.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const hooks = { beforeAll, afterAll, beforeEach, afterEach };

describe.each(['msw', 'http'] as const)('useEsimAccessFake in %s mode', (mode) => {
  const esim = useEsimAccessFake({ mode, hooks });
  let previousAccessCode = '';

  async function buyOne(transactionId: string) {
    const client = esim.account.client();
    const [pkg] = await client.listPackages({ locationCode: 'JP' });
    const { orderNo } = await client.order({
      transactionId,
      packageInfoList: [{ packageCode: pkg!.packageCode, count: 1 }],
    });
    return { client, pkg: pkg!, orderNo };
  }

  test('serves on the real base URL with msw, on a loopback port over http', () => {
    if (mode === 'msw') expect(esim.fake.baseUrl).toBe('https://api.esimaccess.com');
    else expect(esim.fake.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(esim.account.baseUrl).toBe(esim.fake.baseUrl);
  });

  test('a test spends from an account of its own', async () => {
    const { client, pkg } = await buyOne('own-account');
    expect((await client.getBalance()).balance).toBe(DEFAULT_BALANCE - pkg.price);
    previousAccessCode = esim.account.accessCode;
  });

  test('the next test gets a fresh account and the previous one is gone', async () => {
    expect(esim.account.accessCode).not.toBe(previousAccessCode);
    expect((await esim.account.client().getBalance()).balance).toBe(DEFAULT_BALANCE);
    expect(esim.fake.mock.emulator.findAccount(previousAccessCode)).toBeUndefined();
  });

  test('the control handle allocates on the virtual clock, installs the profile and delivers the webhooks', async () => {
    const hook = await startWebhookReceiver();
    try {
      esim.account.webhooks.setUrl(hook.url);
      const { client, orderNo } = await buyOne('control-handle');
      await esim.account.advance(2_000);
      const { esimList } = await client.queryProfiles({ orderNo, pager: { pageNum: 1, pageSize: 10 } });
      const installed = esim.account.installProfile(esimList[0]!.esimTranNo);
      await esim.account.advance(0);
      expect(installed.smdpStatus).toBe('ENABLED');
      const types = hook.received.map((w) => (w.json as { notifyType: string }).notifyType);
      expect(types).toContain('ORDER_STATUS');
      expect(types).toContain('SMDP_EVENT');
      expect(esim.account.webhookDeliveries().every((d) => d.state === 'delivered')).toBe(true);
    } finally {
      await hook.close();
    }
  });

  test("a fault on the account reaches the client as the provider's error", async () => {
    esim.account.faults.add({
      path: '/api/v1/open/balance/query',
      times: 1,
      action: { type: 'error', code: '310241' },
    });
    const error = await esim.account
      .client({ retry: false })
      .getBalance()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: '310241' });
    expect(esim.account.journal.last()?.faultId).toBeDefined();
  });

  test("the client signs with the account's clock, so calls still pass after the clock moves days ahead", async () => {
    await esim.account.advance(3 * DAY_MS);
    expect((await esim.account.client().getBalance()).balance).toBe(DEFAULT_BALANCE);
  });
});

describe('startEsimAccessFake', () => {
  test('gives test accounts the params of the account option, and releaseAccounts deletes them', async () => {
    const fake = await startEsimAccessFake({ mode: 'http', account: { balance: 1_234 } });
    try {
      const account = fake.newAccount();
      expect((await account.client().getBalance()).balance).toBe(1_234);
      expect(fake.newAccount({ balance: 5 }).state().balance).toBe(5);
      await fake.releaseAccounts();
      expect(fake.mock.emulator.accounts()).toHaveLength(1);
    } finally {
      await fake.close();
    }
  });
});
