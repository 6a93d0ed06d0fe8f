import { describe, expect, test } from 'vitest';
import type { EmulatorError } from '../src/index.js';
import { DEFAULT_WEBHOOK_CONCURRENCY } from '../src/webhooks/pool.js';
import { createCounter } from './fixtures/counter-provider.js';

interface Call {
  key: string;
  n: number;
  answer(status: number): void;
}

/**
 * A receiver driven by the test: every attempt waits until the test answers it (or its timeout aborts it). It
 * records the calls in flight, the most seen at once, and whether two of one key were ever in flight together.
 */
function controlledReceiver() {
  const waiting: Call[] = [];
  const received: { key: string; n: number }[] = [];
  const inFlight = new Map<string, number>();
  let now = 0;
  let most = 0;
  let sameKeyOverlap = false;
  let aborted = 0;
  const send = (async (_url: string, init: RequestInit) => {
    const { key, n } = JSON.parse(String(init.body)) as { key: string; n: number };
    received.push({ key, n });
    if (inFlight.get(key)) sameKeyOverlap = true;
    inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
    most = Math.max(most, ++now);
    try {
      return await new Promise<Response>((resolve, reject) => {
        waiting.push({ key, n, answer: (status) => resolve(new Response(null, { status })) });
        init.signal?.addEventListener('abort', () => {
          aborted++;
          reject(init.signal?.reason);
        });
      });
    } finally {
      now--;
      inFlight.set(key, (inFlight.get(key) ?? 1) - 1);
    }
  }) as unknown as typeof fetch;
  return {
    fetch: send,
    waiting,
    received,
    get most() {
      return most;
    },
    get sameKeyOverlap() {
      return sameKeyOverlap;
    },
    get aborted() {
      return aborted;
    },
  };
}

/** Lets pending promise work and I/O callbacks run until `done()` holds (no timers involved). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 1_000 && !done(); i++) await new Promise((r) => setImmediate(r));
  if (!done()) throw new Error('condition never held');
}

function setup(options: Parameters<typeof createCounter>[0] = {}) {
  const receiver = controlledReceiver();
  const emu = createCounter({ fetch: receiver.fetch, ...options });
  const t = emu.defaultAccount;
  t.webhooks.setUrl('http://receiver.test/hook');
  return { emu, t, receiver };
}

describe('webhook delivery concurrency per account', () => {
  test('an account has at most webhookConcurrency attempts in flight and delivers every event exactly once', async () => {
    const { t, receiver } = setup();
    const events = DEFAULT_WEBHOOK_CONCURRENCY * 3;
    for (let n = 0; n < events; n++)
      t.webhooks.emit({ type: 'X', payload: { key: `p${n}`, n }, orderKey: `p${n}` });
    const advanced = t.advance(0);
    await until(() => receiver.waiting.length === DEFAULT_WEBHOOK_CONCURRENCY);
    await new Promise((r) => setImmediate(r));
    expect(receiver.waiting).toHaveLength(DEFAULT_WEBHOOK_CONCURRENCY);
    while (receiver.received.length < events || receiver.waiting.length > 0) {
      await until(() => receiver.waiting.length > 0);
      receiver.waiting.shift()?.answer(200);
    }
    await advanced;
    expect(receiver.most).toBe(DEFAULT_WEBHOOK_CONCURRENCY);
    expect(receiver.received.map((r) => r.n).sort((a, b) => a - b)).toEqual([...Array(events).keys()]);
    expect(t.webhooks.deliveries({ state: 'delivered' })).toHaveLength(events);
  });

  test.each([1, 2, 7])('webhookConcurrency %i is the most attempts in flight at once', async (limit) => {
    const { t, receiver } = setup({ webhookConcurrency: limit });
    for (let n = 0; n < 10; n++)
      t.webhooks.emit({ type: 'X', payload: { key: `p${n}`, n }, orderKey: `p${n}` });
    const advanced = t.advance(0);
    while (receiver.received.length < 10 || receiver.waiting.length > 0) {
      await until(() => receiver.waiting.length > 0);
      await new Promise((r) => setImmediate(r));
      receiver.waiting.shift()?.answer(200);
    }
    await advanced;
    expect(receiver.most).toBe(limit);
  });

  test('events of one profile reach the receiver one at a time in emit order while profiles interleave', async () => {
    const { t, receiver } = setup();
    const keys = ['a', 'b', 'c'];
    for (let n = 0; n < 5; n++) {
      for (const key of keys) t.webhooks.emit({ type: 'X', payload: { key, n }, orderKey: key });
    }
    const advanced = t.advance(0);
    while (receiver.received.length < 15 || receiver.waiting.length > 0) {
      await until(() => receiver.waiting.length > 0);
      await new Promise((r) => setImmediate(r));
      // Answer the newest first, so a profile's later event would overtake an earlier one if nothing kept order.
      receiver.waiting.pop()?.answer(200);
    }
    await advanced;
    for (const key of keys) {
      expect(receiver.received.filter((r) => r.key === key).map((r) => r.n)).toEqual([0, 1, 2, 3, 4]);
    }
    expect(receiver.sameKeyOverlap).toBe(false);
    expect(receiver.most).toBe(3);
    expect(t.webhooks.deliveries({ state: 'delivered' })).toHaveLength(15);
  });

  test('a receiver that never answers does not hold back the account’s own task, and advance ends once the attempts time out', async () => {
    const { t, receiver } = setup({
      webhookTimeoutMs: 200,
      webhookRetryScheduleMs: [],
      webhookConcurrency: 4,
    });
    for (let n = 0; n < 8; n++)
      t.webhooks.emit({ type: 'X', payload: { key: `p${n}`, n }, orderKey: `p${n}` });
    t.scheduler.after('increment', 1_000, { by: 1 });
    const advanced = t.advance(1_000);
    await until(() => t.state.count === 1);
    expect(receiver.aborted).toBe(0);
    await advanced;
    // Two waves of four attempts, each cut at the timeout: the documented bound is ceil(8 / 4) x 200 ms.
    expect(receiver.aborted).toBe(8);
    expect(receiver.most).toBe(4);
    const failed = t.webhooks.deliveries({ state: 'failed' });
    expect(failed).toHaveLength(8);
    expect(failed.every((d) => d.attempts.length === 1 && d.attempts[0]?.error === 'timeout')).toBe(true);
  });

  test('a retry is scheduled from the virtual time its attempt was sent, however long the receiver took', async () => {
    const { t, receiver } = setup({ webhookRetryScheduleMs: [10_000] });
    const d = t.webhooks.emit({ type: 'X', payload: { key: 'a', n: 0 }, orderKey: 'a' })!;
    t.scheduler.after('increment', 5_000, { by: 1 });
    const advanced = t.advance(5_000);
    await until(() => t.state.count === 1);
    receiver.waiting.shift()?.answer(500);
    await advanced;
    expect(t.webhooks.get(d.id).nextAttemptAt).toBe(d.createdAt + 10_000);
  });

  test('an attempt that finishes after its account was reset leaves the fresh account untouched', async () => {
    const { t, receiver } = setup();
    t.webhooks.emit({ type: 'X', payload: { key: 'a', n: 0 }, orderKey: 'a' });
    void t.scheduler.runDue();
    await until(() => receiver.waiting.length === 1);
    t.reset();
    receiver.waiting.shift()?.answer(200);
    await t.webhooks.idle();
    expect(t.webhooks.deliveries()).toEqual([]);
    expect(t.scheduler.list()).toEqual([]);
  });

  test.each([0, -1, 1.5, Number.NaN])('webhookConcurrency %s is refused naming the option', (value) => {
    expect(() => createCounter({ webhookConcurrency: value })).toThrow(
      expect.objectContaining({ field: 'webhookConcurrency' }) as EmulatorError,
    );
  });
});
