import { ProviderError } from '@esim-sandbox/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { DEFAULT_BALANCE } from '../src/runtime/options.js';
import { startIroamlyFake, useIroamlyFake } from '../src/testing/index.js';

const hooks = { beforeAll, afterAll, beforeEach, afterEach };

describe.each(['msw', 'http'] as const)('useIroamlyFake in %s mode', (mode) => {
  const iroamly = useIroamlyFake({ mode, hooks });
  let previousAuthKey = '';

  async function buyCode() {
    const client = iroamly.account.client();
    const [plan] = await client.listPlans('united-states');
    const { orderId } = await client.purchase({
      email: 'shop@reseller.test',
      productList: [{ productCode: plan!.productCode, quantity: 1 }],
    });
    const [code] = await client.queryCodes(orderId);
    const status = async () => (await client.queryCodes(orderId))[0]!.status;
    return { client, code: code!, status };
  }

  test('serves on the real base URL with msw, on a loopback port over http', () => {
    if (mode === 'msw') expect(iroamly.fake.baseUrl).toBe('https://api.iroamly.shop');
    else expect(iroamly.fake.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(iroamly.account.baseUrl).toBe(iroamly.fake.baseUrl);
  });

  test('a test spends from an account of its own', async () => {
    await buyCode();
    expect(iroamly.account.balance()).toBeLessThan(DEFAULT_BALANCE);
    previousAuthKey = iroamly.account.authKey;
  });

  test('the next test gets a fresh account and the previous one is gone', () => {
    expect(iroamly.account.authKey).not.toBe(previousAuthKey);
    expect(iroamly.account.balance()).toBe(DEFAULT_BALANCE);
    expect(iroamly.fake.mock.emulator.findAccount(previousAuthKey)).toBeUndefined();
  });

  test('advancing the clock completes a redemption and mails the QR to the traveller', async () => {
    const { client, code, status } = await buyCode();
    await client.redeemQrCode({ email: 'traveller@test.co', codeList: [{ redeemCode: code.redeemCode }] });
    expect(await status()).toBe(1);
    await iroamly.account.advance(60_000);
    expect(await status()).toBe(2);
    const qr = await client.queryQrCode(code.redeemCode);
    expect(qr.qrcode.startsWith(iroamly.fake.baseUrl)).toBe(true);
    expect(iroamly.account.outbox('traveller@test.co')).toHaveLength(1);
  });

  test('failNextRedemption makes the next redemption end in status 3', async () => {
    const { client, code, status } = await buyCode();
    iroamly.account.failNextRedemption();
    await client.redeemQrCode({ email: 'traveller@test.co', codeList: [{ redeemCode: code.redeemCode }] });
    await iroamly.account.advance(60_000);
    expect(await status()).toBe(3);
  });

  test("a fault on the account reaches the client as the provider's error", async () => {
    iroamly.account.faults.add({
      path: '/openapi/purchaseCode',
      times: 1,
      action: { type: 'error', code: '-1' },
    });
    const error = await buyCode().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: '-1' });
  });
});

describe('startIroamlyFake', () => {
  test('gives test accounts the params of the account option, and releaseAccounts deletes them', async () => {
    const fake = await startIroamlyFake({ mode: 'http', account: { balance: 777 } });
    try {
      expect(fake.newAccount().balance()).toBe(777);
      expect(fake.newAccount({ balance: 5 }).balance()).toBe(5);
      await fake.releaseAccounts();
      expect(fake.mock.emulator.accounts()).toHaveLength(1);
    } finally {
      await fake.close();
    }
  });
});
