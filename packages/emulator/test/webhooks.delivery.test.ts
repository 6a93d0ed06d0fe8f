import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../src/testing.js';
import { createCounter, headers, START } from './fixtures/counter-provider.js';

let hook: WebhookReceiver;
beforeEach(async () => {
  hook = await startWebhookReceiver();
});
afterEach(async () => {
  await hook.close();
});

function setup(options: Parameters<typeof createCounter>[0] = {}) {
  const emu = createCounter(options);
  const t = emu.defaultAccount;
  t.webhooks.setUrl(hook.url);
  return { emu, t };
}

describe('webhook delivery', () => {
  test('an emitted event is POSTed as JSON with the provider headers once the clock runs', async () => {
    const { emu, t } = setup();
    await emu.request('/api/count/increment', { method: 'POST', headers: headers(t), body: '{}' });
    expect(hook.received).toHaveLength(0);
    await t.advance(0);
    expect(hook.received).toHaveLength(1);
    const [r] = hook.received;
    const [d] = t.webhooks.deliveries();
    expect(r?.json).toEqual({ id: d?.eventId, count: 1 });
    expect(r?.headers['content-type']).toBe('application/json');
    expect(r?.headers['x-account']).toBe('key-1');
    expect(r?.headers['x-body-length']).toBe(String(r?.body.length));
    expect(d).toMatchObject({ type: 'COUNT', state: 'delivered', createdAt: START });
    expect(d?.eventId).toMatch(/^[0-9a-f]{32}$/);
    expect(d?.attempts).toEqual([{ at: START, status: 200, durationMs: expect.any(Number) }]);
  });

  test('nothing is emitted or recorded when no URL is configured', () => {
    const emu = createCounter();
    expect(emu.defaultAccount.webhooks.emit({ type: 'X', payload: {} })).toBeUndefined();
    expect(emu.defaultAccount.webhooks.deliveries()).toEqual([]);
  });

  test('a failing receiver is retried on the virtual clock with the backoff schedule until it answers 2xx', async () => {
    const { t } = setup();
    hook.respondWith(500);
    const d = t.webhooks.emit({ type: 'X', payload: { n: 1 } })!;
    await t.advance(0);
    expect(t.webhooks.get(d.id)).toMatchObject({ state: 'pending', nextAttemptAt: START + 10_000 });
    await t.advance(9_999);
    expect(hook.received).toHaveLength(1);
    await t.advance(1);
    expect(hook.received).toHaveLength(2);
    hook.respondWith(200);
    await t.advance(30_000);
    const final = t.webhooks.get(d.id);
    expect(final.state).toBe('delivered');
    expect(final.attempts.map((a) => [a.at - START, a.status])).toEqual([
      [0, 500],
      [10_000, 500],
      [40_000, 200],
    ]);
  });

  test('after the last retry the delivery is given up as failed', async () => {
    const { t } = setup({ webhookRetryScheduleMs: [1_000, 2_000] });
    hook.respondWith(503);
    const d = t.webhooks.emit({ type: 'X', payload: {} })!;
    await t.advance(60_000);
    const final = t.webhooks.get(d.id);
    expect(final.state).toBe('failed');
    expect(final.attempts.map((a) => a.at - START)).toEqual([0, 1_000, 3_000]);
    expect(t.scheduler.list()).toEqual([]);
  });

  test('network errors and timeouts count as failures and are recorded', async () => {
    const hanging = createServer(() => {});
    await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', r));
    try {
      const { t } = setup({ webhookTimeoutMs: 100, webhookRetryScheduleMs: [] });
      const port = (hanging.address() as AddressInfo).port;
      const slow = t.webhooks.emit({ type: 'X', payload: {}, url: `http://127.0.0.1:${port}/` })!;
      await hook.close();
      const refused = t.webhooks.emit({ type: 'X', payload: {} })!;
      await t.advance(0);
      expect(t.webhooks.get(slow.id)).toMatchObject({ state: 'failed', attempts: [{ error: 'timeout' }] });
      expect(t.webhooks.get(refused.id).state).toBe('failed');
      expect(t.webhooks.get(refused.id).attempts[0]?.error).toBeTruthy();
    } finally {
      hanging.closeAllConnections();
      hanging.close();
    }
  });

  test('redeliver sends a failed delivery again now and marks it delivered', async () => {
    const { t } = setup({ webhookRetryScheduleMs: [] });
    hook.respondWith(500);
    const d = t.webhooks.emit({ type: 'X', payload: { again: true } })!;
    await t.advance(0);
    expect(t.webhooks.get(d.id).state).toBe('failed');
    hook.respondWith(204);
    const attempt = await t.webhooks.redeliver(d.id);
    expect(attempt).toMatchObject({ status: 204, manual: true });
    expect(t.webhooks.get(d.id).state).toBe('delivered');
    expect(hook.received.map((r) => r.json)).toEqual([{ again: true }, { again: true }]);
    await expect(t.webhooks.redeliver('whd_999')).rejects.toMatchObject({ code: 'UNKNOWN_DELIVERY' });
  });

  test('deliverNow awaits one attempt and reports whether the receiver accepted it', async () => {
    const { t } = setup();
    hook.respondSequence([500]);
    const first = await t.webhooks.deliverNow({ type: 'CHECK', payload: { test: 1 } });
    const second = await t.webhooks.deliverNow({ type: 'CHECK', payload: { test: 2 } });
    expect([first.ok, second.ok]).toEqual([false, true]);
    expect(first.delivery.state).toBe('failed');
    expect(t.scheduler.list()).toEqual([]);
  });

  test('listeners observe emits and attempts', async () => {
    const { t } = setup();
    const seen: string[] = [];
    t.webhooks.subscribe((d, change) => seen.push(`${change}:${d.state}`));
    t.webhooks.emit({ type: 'X', payload: {} });
    await t.advance(0);
    expect(seen).toEqual(['emitted:pending', 'attempt:delivered']);
  });

  test('in real clock mode deliveries go out by themselves', async () => {
    const { t } = setup({ clock: 'real' });
    t.webhooks.emit({ type: 'X', payload: { real: true } });
    await vi.waitFor(() => expect(hook.received).toHaveLength(1), { timeout: 5_000, interval: 10 });
  });
});
