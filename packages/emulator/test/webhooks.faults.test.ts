import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../src/testing.js';
import { createCounter, headers } from './fixtures/counter-provider.js';

let hook: WebhookReceiver;
beforeEach(async () => {
  hook = await startWebhookReceiver();
});
afterEach(async () => {
  await hook.close();
});

function setup() {
  const emu = createCounter();
  const t = emu.defaultAccount;
  t.webhooks.setUrl(hook.url);
  const emit = (n: number) => t.webhooks.emit({ type: 'N', payload: { n } })!;
  const received = () => hook.received.map((r) => (r.json as { n: number }).n);
  return { emu, t, emit, received };
}

describe('webhook faults', () => {
  test('drop records the event as dropped and never sends it', async () => {
    const { t, emit, received } = setup();
    t.webhooks.setFaults({ drop: { count: 1 } });
    const a = emit(1);
    emit(2);
    await t.advance(3_600_000);
    expect(received()).toEqual([2]);
    expect(t.webhooks.get(a.id)).toMatchObject({ state: 'dropped', faults: ['drop'], attempts: [] });
    expect(t.webhooks.faults.drop?.count).toBe(0);
  });

  test('duplicate sends the same event twice with the same event id', async () => {
    const { t, emit } = setup();
    t.webhooks.setFaults({ duplicate: { count: 1 } });
    const a = emit(1);
    await t.advance(0);
    expect(hook.received).toHaveLength(2);
    expect(hook.received[0]?.body).toBe(hook.received[1]?.body);
    const copies = t.webhooks.deliveries();
    expect(copies.map((d) => d.eventId)).toEqual([a.eventId, a.eventId]);
    expect(copies[1]?.duplicateOf).toBe(a.id);
  });

  test('delay postpones the first attempt by the given virtual ms', async () => {
    const { t, emit } = setup();
    t.webhooks.setFaults({ delay: { ms: 5_000 } });
    emit(1);
    await t.advance(4_999);
    expect(hook.received).toHaveLength(0);
    await t.advance(1);
    expect(hook.received).toHaveLength(1);
  });

  test('reorder holds one event back and sends it right after the next one', async () => {
    const { t, emit, received } = setup();
    t.webhooks.setFaults({ reorder: { count: 1 } });
    const first = emit(1);
    await t.advance(60_000);
    expect(received()).toEqual([]);
    expect(t.webhooks.get(first.id).held).toBe('reorder');
    emit(2);
    emit(3);
    await t.advance(0);
    expect(received()).toEqual([2, 1, 3]);
  });

  test('late-after-poll holds the event until the account next read request has been answered', async () => {
    const { emu, t, emit, received } = setup();
    t.webhooks.setFaults({ lateAfterPoll: { count: 1 } });
    emit(1);
    await t.advance(60_000);
    const write = await emu.request('/api/count/later', {
      method: 'POST',
      headers: headers(t),
      body: JSON.stringify({ delayMs: 3_600_000 }),
    });
    expect(write.status).toBe(200);
    await t.advance(60_000);
    expect(received()).toEqual([]);
    const poll = await emu.request('/api/count', { headers: headers(t) });
    expect(poll.status).toBe(200);
    await t.advance(0);
    expect(received()[0]).toBe(1);
  });

  test('a read request of another account does not release the held event', async () => {
    const { emu, t, emit, received } = setup();
    const other = emu.createAccount();
    t.webhooks.setFaults({ lateAfterPoll: {} });
    emit(1);
    await emu.request('/api/count', { headers: headers(other) });
    await t.advance(0);
    expect(received()).toEqual([]);
  });

  test('a probability fault is replayed identically for the same seed', async () => {
    const run = async () => {
      const emu = createCounter({ seed: 'w' });
      const t = emu.defaultAccount;
      t.webhooks.setUrl(hook.url);
      t.webhooks.setFaults({ drop: { probability: 0.5 } });
      return Array.from({ length: 20 }, (_, n) => t.webhooks.emit({ type: 'N', payload: { n } })!.state);
    };
    const a = await run();
    expect(await run()).toEqual(a);
    expect(a).toContain('dropped');
    expect(a).toContain('pending');
  });

  test('invalid webhook faults name the field', () => {
    const { t } = setup();
    expect(() => t.webhooks.setFaults({ delay: { probability: 1 } } as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', field: 'faults.delay.ms' }),
    );
  });
});
