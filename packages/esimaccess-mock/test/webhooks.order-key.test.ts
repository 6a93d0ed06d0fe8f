/**
 * eSIM Access webhooks are ordered per order: each delivery carries its order's number as the engine's `orderKey`,
 * so the events of one order (and of its profiles) reach the receiver one at a time in emit order.
 */
import { EsimAccessClient } from '@esim-sandbox/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createEsimAccessMock, type EsimAccessMock } from '../src/index.js';
import { START } from './support/harness.js';

const mocks: EsimAccessMock[] = [];
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((m) => m.close()));
});

describe('eSIM Access webhook order key', () => {
  it('every delivery of an order, its profiles’ events included, is keyed by that orderNo', async () => {
    const received: { orderNo: string; notifyType: string }[] = [];
    const mock = createEsimAccessMock({
      clock: 'manual',
      startTime: START,
      seed: 'order-key',
      rateLimit: null,
      fetch: (async (_url: string, init: RequestInit) => {
        const payload = JSON.parse(String(init.body)) as { notifyType: string; content: { orderNo: string } };
        received.push({ orderNo: payload.content.orderNo, notifyType: payload.notifyType });
        return new Response(null, { status: 200 });
      }) as typeof fetch,
    });
    mocks.push(mock);
    const tenant = mock.emulator.defaultAccount;
    tenant.webhooks.setUrl('http://receiver.test/hook');
    const client = new EsimAccessClient({
      accessCode: mock.accessCode,
      secretKey: tenant.secret,
      baseUrl: 'https://api.esimaccess.com',
      fetch: (url, init) => mock.fetch(new Request(url, init)),
      retry: false,
      rateLimit: false,
    });
    const [pkg] = await client.listPackages({});
    for (const transactionId of ['key-1', 'key-2']) {
      await client.order({ transactionId, packageInfoList: [{ packageCode: pkg!.packageCode, count: 2 }] });
    }
    await tenant.advance(60_000);
    const deliveries = tenant.webhooks.deliveries();
    expect(deliveries.length).toBeGreaterThanOrEqual(2);
    expect(received).toHaveLength(deliveries.length);
    for (const d of deliveries) {
      expect(d.orderKey).toBe((d.payload as { content: { orderNo: string } }).content.orderNo);
    }
    expect(new Set(deliveries.map((d) => d.orderKey)).size).toBe(2);
  });
});
