import { describe, expect, it } from 'vitest';
import { createSinkApp, startWebhookSink } from '../src/sink/sink.js';

const orderStatus = {
  notifyType: 'ORDER_STATUS',
  notifyId: 'a'.repeat(32),
  eventGenerateTime: '2026-05-01T12:00:00Z',
  content: { orderNo: 'B1', orderStatus: 'GOT_RESOURCE', transactionId: 't1' },
};

const post = (app: ReturnType<typeof createSinkApp>['app'], account: string, body: string) =>
  app.request(`/webhooks/${account}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
  });

describe('the webhook sink', () => {
  it('keeps each account’s deliveries apart and names valid eSIM Access webhooks by type', async () => {
    const sink = createSinkApp();
    expect((await post(sink.app, 'acc-1', JSON.stringify(orderStatus))).status).toBe(200);
    await post(sink.app, 'acc-2', JSON.stringify(orderStatus));
    const [message] = sink.received('acc-1');
    expect(sink.received('acc-1')).toHaveLength(1);
    expect(message).toMatchObject({
      account: 'acc-1',
      type: 'ORDER_STATUS',
      invalid: undefined,
      status: 200,
    });
  });

  it('records a body that is not a webhook with the parser’s reason', async () => {
    const sink = createSinkApp();
    await post(sink.app, 'acc', '{"hello":1}');
    const [message] = sink.received('acc');
    expect(message?.type).toBeUndefined();
    expect(message?.invalid).toMatch(/notifyType/);
  });

  it('answers the status it is told to, per account, and says so in the inbox', async () => {
    const sink = createSinkApp();
    const put = await sink.app.request('/webhooks/acc/status', {
      method: 'PUT',
      body: JSON.stringify({ status: 503 }),
    });
    expect(put.status).toBe(200);
    expect((await post(sink.app, 'acc', JSON.stringify(orderStatus))).status).toBe(503);
    expect((await post(sink.app, 'other', JSON.stringify(orderStatus))).status).toBe(200);
    const inbox = (await (await sink.app.request('/webhooks/acc')).json()) as {
      status: number;
      received: unknown[];
    };
    expect(inbox).toMatchObject({ status: 503, received: [{ status: 503 }] });
  });

  it('refuses a status that is not an HTTP status, naming the field', async () => {
    const sink = createSinkApp();
    const res = await sink.app.request('/webhooks/acc/status', {
      method: 'PUT',
      body: JSON.stringify({ status: 42 }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'INVALID_ARGUMENT', field: 'status' } });
  });

  it('tells subscribers about every delivery', async () => {
    const sink = createSinkApp();
    const seen: string[] = [];
    const off = sink.subscribe((m) => seen.push(m.account));
    await post(sink.app, 'a', '{}');
    off();
    await post(sink.app, 'b', '{}');
    expect(seen).toEqual(['a']);
  });

  it('listens on loopback and gives each account its own URL', async () => {
    const sink = await startWebhookSink({ port: 0 });
    try {
      expect(sink.urlFor('a b')).toBe(`${sink.url}/webhooks/a%20b`);
      const res = await fetch(sink.urlFor('a b'), { method: 'POST', body: JSON.stringify(orderStatus) });
      expect(res.status).toBe(200);
      expect(sink.received('a b')[0]?.type).toBe('ORDER_STATUS');
    } finally {
      await sink.close();
    }
  });
});
