/**
 * eSIM Access webhooks are ordered per order: each delivery carries its order's number as the engine's `orderKey`,
 * so the events of one order (and of its profiles) reach the receiver one at a time in emit order.
 */
import { describe, expect, it } from 'vitest';
import { clientOf, newMock } from './support/mocks.js';

describe('eSIM Access webhook order key', () => {
  it('every delivery of an order, its profiles’ events included, is keyed by that orderNo', async () => {
    const received: { orderNo: string; notifyType: string }[] = [];
    const mock = newMock('order-key', {
      fetch: (async (_url: string, init: RequestInit) => {
        const payload = JSON.parse(String(init.body)) as { notifyType: string; content: { orderNo: string } };
        received.push({ orderNo: payload.content.orderNo, notifyType: payload.notifyType });
        return new Response(null, { status: 200 });
      }) as typeof fetch,
    });
    const tenant = mock.emulator.defaultAccount;
    tenant.webhooks.setUrl('http://receiver.test/hook');
    const client = clientOf(mock);
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
