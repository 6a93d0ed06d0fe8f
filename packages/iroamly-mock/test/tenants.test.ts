import { IroamlyClient, ProviderError } from '@esim-sandbox/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { IroamlyMock } from '../src/index.js';
import { manualMock } from './http.builders.js';

let mock: IroamlyMock;
afterEach(async () => {
  await mock.close();
});

function clientFor(key: string, secret: string) {
  return new IroamlyClient({
    authKey: key,
    authSecret: secret,
    baseUrl: 'http://iroamly.test',
    fetch: (input, init) => mock.fetch(new Request(input, init)),
    retry: false,
  });
}

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof ProviderError) return error.code;
    throw error;
  }
}

describe('tenants', () => {
  it('keeps one AuthKey’s orders, codes, QR codes and outbox away from another', async () => {
    mock = manualMock();
    const other = mock.emulator.createAccount({
      key: 'tenant-b',
      secret: 'secret-b',
      params: { balance: 999 },
    });
    const a = clientFor(mock.authKey, mock.authSecret);
    const b = clientFor('tenant-b', 'secret-b');
    const productCode = mock.catalog.products[0]!.item.productCode;

    const { orderId } = await a.purchase({ email: 'a@a.co', productList: [{ productCode, quantity: 2 }] });
    const [first, second] = await a.queryCodes(orderId);
    await a.redeemQrCode({ email: 'a@a.co', codeList: [{ redeemCode: first!.redeemCode }] });
    await mock.control.account().advance(10_000);

    expect(await code(b.queryCodes(orderId))).toBe('7');
    expect(await code(b.queryQrCode(first!.redeemCode))).toBe('7');
    expect(
      await code(b.redeemQrCode({ email: 'b@b.co', codeList: [{ redeemCode: second!.redeemCode }] })),
    ).toBe('7');
    expect(mock.control.account('tenant-b').outbox()).toEqual([]);
    expect(mock.control.account().outbox().length).toBeGreaterThan(0);
    expect(mock.control.account('tenant-b').balance()).toBe(999);
    expect(other.state.orders).toEqual({});
    expect((await a.queryCodes(orderId)).map((c) => c.status)).toEqual([2, 0]);
  });

  it('creates accounts through the control API, refusing a bad balance or an over-long key or secret by name', async () => {
    mock = manualMock();
    const create = (body: unknown) =>
      mock.emulator.request('/_sandbox/accounts', { method: 'POST', body: JSON.stringify(body) });
    const created = await create({ key: 'tenant-c', secret: 's', params: { balance: 42 } });
    expect(created.status).toBe(201);
    expect(mock.control.account('tenant-c').balance()).toBe(42);

    const badBalance = await create({ key: 'tenant-d', params: { balance: -1 } });
    expect(badBalance.status).toBe(400);
    expect(await badBalance.json()).toMatchObject({ error: { field: 'params.balance' } });
    const longKey = await create({ key: 'k'.repeat(33) });
    expect(longKey.status).toBe(400);
    expect(await longKey.json()).toMatchObject({ error: { field: 'key' } });
    const longSecret = await create({ key: 'tenant-f', secret: 's'.repeat(51) });
    expect(longSecret.status).toBe(400);
    expect(await longSecret.json()).toMatchObject({ error: { field: 'secret' } });
  });

  it('gives a new account the configured starting balance', async () => {
    mock = manualMock({ balance: 1_234 });
    mock.emulator.createAccount({ key: 'tenant-e', secret: 's' });
    expect(mock.control.account('tenant-e').balance()).toBe(1_234);
  });
});
