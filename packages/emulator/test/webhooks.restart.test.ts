/**
 * A webhook attempt in flight when the state is saved has no scheduled task in that state (the task was taken off
 * the queue when the attempt started). Whatever loads such a state (a restart from the state file, `restore`)
 * schedules a new attempt for it: at-least-once, as providers do, rather than a delivery pending for ever.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { WEBHOOK_ATTEMPT_TASK } from '../src/webhooks/types.js';
import { createCounter, headers, START } from './fixtures/counter-provider.js';

const URL = 'http://receiver.test/hook';

let dir: string;
let file: string;
/** Work of the first "process" to finish before its folder goes. */
const leftovers: (() => Promise<unknown>)[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'emulator-webhook-restart-'));
  file = join(dir, 'state.json');
});
afterEach(async () => {
  for (const finish of leftovers.splice(0)) await finish();
  await rm(dir, { recursive: true, force: true });
});

/** A receiver that records every body and answers 200. */
function receiver() {
  const bodies: unknown[] = [];
  const fetch = (async (_url: string, init: RequestInit) => {
    bodies.push(JSON.parse(String(init.body)));
    return new Response('ok');
  }) as typeof globalThis.fetch;
  return { bodies, fetch };
}

/**
 * An account whose one webhook attempt has started and not been answered, and a write request made meanwhile (so
 * the state file holds the delivery as it is mid-flight). Returns that account's snapshot taken then.
 */
async function inFlight(stateFile?: string) {
  let answer: (r: Response) => void = () => {};
  let started: () => void = () => {};
  const sent = new Promise<void>((resolve) => {
    started = resolve;
  });
  const hanging = (() => {
    started();
    return new Promise<Response>((resolve) => {
      answer = resolve;
    });
  }) as unknown as typeof fetch;
  const emu = createCounter({ fetch: hanging, ...(stateFile ? { stateFile } : {}) });
  const t = emu.defaultAccount;
  t.webhooks.setUrl(URL);
  await emu.request('/api/count/increment', { method: 'POST', headers: headers(t), body: '{}' });
  const advancing = t.advance(0);
  await sent;
  // Any write persists; this one schedules a task far away so it does not interfere.
  await emu.request('/api/count/later', {
    method: 'POST',
    headers: headers(t),
    body: JSON.stringify({ delayMs: 86_400_000 }),
  });
  const snapshot = t.snapshot();
  expect(snapshot.webhooks.deliveries).toEqual([expect.objectContaining({ state: 'pending', attempts: [] })]);
  expect(snapshot.tasks.some((task) => task.kind === WEBHOOK_ATTEMPT_TASK)).toBe(false);
  leftovers.push(() => {
    answer(new Response('ok'));
    return advancing;
  });
  return { snapshot };
}

describe('webhook deliveries in flight across a restart or a restore', () => {
  test('a restart from a state file saved mid-delivery sends the delivery again once the clock runs', async () => {
    await inFlight(file);
    const hook = receiver();
    const restarted = createCounter({ stateFile: file, fetch: hook.fetch });
    const t = restarted.defaultAccount;
    expect(t.webhooks.deliveries()).toEqual([
      expect.objectContaining({ state: 'pending', nextAttemptAt: START }),
    ]);
    await t.advance(0);
    expect(hook.bodies).toEqual([{ id: expect.any(String), count: 1 }]);
    expect(t.webhooks.deliveries()).toEqual([
      expect.objectContaining({ state: 'delivered', attempts: [expect.objectContaining({ status: 200 })] }),
    ]);
  });

  test('restoring a snapshot taken mid-delivery sends the delivery again once the clock runs', async () => {
    const { snapshot } = await inFlight();
    const hook = receiver();
    const other = createCounter({ fetch: hook.fetch });
    const t = other.defaultAccount;
    t.restore(snapshot);
    await t.advance(0);
    expect(hook.bodies).toEqual([{ id: snapshot.webhooks.deliveries[0]?.eventId, count: 1 }]);
    expect(t.webhooks.deliveries()[0]?.state).toBe('delivered');
  });

  test('a delivery waiting for its retry keeps its one scheduled attempt after a restart', async () => {
    let status = 500;
    const calls: number[] = [];
    const fetch = (async () => {
      calls.push(status);
      return new Response(null, { status });
    }) as unknown as typeof globalThis.fetch;
    const first = createCounter({ stateFile: file, fetch });
    first.defaultAccount.webhooks.setUrl(URL);
    await first.request('/api/count/increment', {
      method: 'POST',
      headers: headers(first.defaultAccount),
      body: '{}',
    });
    await first.defaultAccount.advance(0);
    await first.close();
    status = 200;
    const t = createCounter({ stateFile: file, fetch }).defaultAccount;
    expect(t.scheduler.list().filter((task) => task.kind === WEBHOOK_ATTEMPT_TASK)).toHaveLength(1);
    await t.advance(60_000);
    expect(calls).toEqual([500, 200]);
  });
});
