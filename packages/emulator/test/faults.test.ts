import { setupServer } from 'msw/node';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createMswHandlers, type RunningServer, startServer } from '../src/index.js';
import { createCounter, headers } from './fixtures/counter-provider.js';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function get(emu: ReturnType<typeof createCounter>) {
  return emu.request('/api/count', { headers: headers(emu.defaultAccount) });
}

describe('request faults', () => {
  test('an error fault answers with the provider rendering of the code, for the next N requests only', async () => {
    const emu = createCounter();
    const rule = emu.defaultAccount.faults.add({
      path: '/api/count',
      times: 2,
      action: { type: 'error', code: 'E42' },
    });
    const bodies = [];
    for (let i = 0; i < 3; i++) bodies.push(await (await get(emu)).json());
    expect(bodies).toEqual([
      { code: 'E42', message: 'injected E42' },
      { code: 'E42', message: 'injected E42' },
      { code: '0', count: 0 },
    ]);
    expect(emu.defaultAccount.faults.list()).toEqual([]);
    expect(emu.defaultAccount.journal.list().map((e) => e.faultId)).toEqual([rule.id, rule.id, undefined]);
  });

  test('a rule matches by method and by glob, and other requests pass', async () => {
    const emu = createCounter();
    const t = emu.defaultAccount;
    t.faults.add({ path: '/api/count/*', method: 'post', action: { type: 'error', code: 'E1' } });
    expect(await (await get(emu)).json()).toMatchObject({ code: '0' });
    const res = await emu.request('/api/count/increment', {
      method: 'POST',
      headers: headers(t),
      body: '{}',
    });
    expect(await res.json()).toMatchObject({ code: 'E1' });
    expect(t.state.count).toBe(0);
  });

  test('an http fault answers the raw status and body', async () => {
    const emu = createCounter();
    emu.defaultAccount.faults.add({
      path: '/api/**',
      times: 1,
      action: { type: 'http', status: 503, body: { error: 'upstream down' } },
    });
    const res = await get(emu);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: 'upstream down' });
    expect(emu.defaultAccount.journal.last()?.status).toBe(503);
  });

  test('a latency fault sleeps the given real ms (through the injected sleep) and then answers normally', async () => {
    const sleep = vi.fn(async () => {});
    const emu = createCounter({ sleep });
    emu.defaultAccount.faults.add({ path: '/api/count', times: 1, action: { type: 'latency', ms: 1500 } });
    emu.defaultAccount.faults.add({ path: '/api/count', times: 1, action: { type: 'latency', ms: 500 } });
    expect(await (await get(emu)).json()).toEqual({ code: '0', count: 0 });
    expect(sleep).toHaveBeenCalledWith(2000);
  });

  test('a drop fault is a network error in process', async () => {
    const emu = createCounter();
    emu.defaultAccount.faults.add({ path: '/api/count', times: 1, action: { type: 'drop' } });
    const res = await get(emu);
    expect(res.type).toBe('error');
    expect(emu.defaultAccount.journal.last()?.status).toBe(0);
  });

  test('a drop fault destroys the socket in server mode', async () => {
    const emu = createCounter();
    server = await startServer({ emulator: emu });
    emu.defaultAccount.faults.add({ path: '/api/count', times: 1, action: { type: 'drop' } });
    const url = `${server.url}/api/count`;
    await expect(fetch(url, { headers: headers(emu.defaultAccount) })).rejects.toThrow(TypeError);
    const ok = await fetch(url, { headers: headers(emu.defaultAccount) });
    expect(await ok.json()).toEqual({ code: '0', count: 0 });
  });

  test('a drop fault is a network error in msw mode', async () => {
    const emu = createCounter();
    const msw = setupServer(...createMswHandlers(emu.fetch, 'https://counter.example'));
    msw.listen({ onUnhandledRequest: 'error' });
    try {
      emu.defaultAccount.faults.add({ path: '/api/count', times: 1, action: { type: 'drop' } });
      await expect(
        fetch('https://counter.example/api/count', { headers: headers(emu.defaultAccount) }),
      ).rejects.toThrow(TypeError);
    } finally {
      msw.close();
    }
  });

  test('a percentage fault fires for about that share, identically for the same seed', async () => {
    const outcomes = async (seed: number) => {
      const emu = createCounter({ seed });
      emu.defaultAccount.faults.add({
        path: '/api/count',
        probability: 0.3,
        action: { type: 'error', code: 'P' },
      });
      const codes: string[] = [];
      for (let i = 0; i < 200; i++) codes.push(((await (await get(emu)).json()) as { code: string }).code);
      return codes;
    };
    const a = await outcomes(1);
    expect(await outcomes(1)).toEqual(a);
    const hits = a.filter((c) => c === 'P').length;
    expect(hits).toBeGreaterThan(30);
    expect(hits).toBeLessThan(90);
  });

  test('an invalid fault names the field', () => {
    const emu = createCounter();
    expect(() => emu.defaultAccount.faults.add({ path: 'no-slash', action: { type: 'drop' } })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', field: 'fault.path' }),
    );
    expect(() =>
      emu.defaultAccount.faults.add({ path: '/a', probability: 2, action: { type: 'drop' } }),
    ).toThrow(expect.objectContaining({ field: 'fault.probability' }));
  });

  test('rules can be listed and deleted one by one', () => {
    const emu = createCounter();
    const t = emu.defaultAccount;
    const a = t.faults.add({ path: '/a', action: { type: 'drop' } });
    t.faults.add({ path: '/b', action: { type: 'drop' } });
    t.faults.remove(a.id);
    expect(t.faults.list().map((r) => r.path)).toEqual(['/b']);
    expect(() => t.faults.remove(a.id)).toThrow(expect.objectContaining({ code: 'UNKNOWN_FAULT' }));
  });
});

describe('rate limit', () => {
  test('requests over the window get the provider rate-limited answer and are journaled as such', async () => {
    let now = 1_000_000;
    const emu = createCounter({ rateLimit: { limit: 2, windowMs: 1000 }, realNow: () => now });
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) codes.push(((await (await get(emu)).json()) as { code: string }).code);
    expect(codes).toEqual(['0', '0', 'RATE_LIMITED']);
    expect(emu.defaultAccount.journal.last()?.rateLimited).toBe(true);
    now += 1001;
    expect(await (await get(emu)).json()).toMatchObject({ code: '0' });
  });

  test('the window slides: a slot frees exactly when the oldest request leaves it', async () => {
    let now = 0;
    const emu = createCounter({ rateLimit: { limit: 2, windowMs: 1000 }, realNow: () => now });
    await get(emu);
    now = 600;
    await get(emu);
    now = 999;
    expect(emu.defaultAccount.rateLimit.retryAfterMs()).toBe(1);
    expect(await (await get(emu)).json()).toMatchObject({ code: 'RATE_LIMITED' });
    now = 1000;
    expect(await (await get(emu)).json()).toMatchObject({ code: '0' });
  });

  test('each account has its own limit, and it can be turned off', async () => {
    const emu = createCounter({ rateLimit: { limit: 1, windowMs: 60_000 } });
    const other = emu.createAccount();
    await get(emu);
    const res = await emu.request('/api/count', { headers: headers(other) });
    expect(await res.json()).toMatchObject({ code: '0' });
    emu.defaultAccount.rateLimit.set(null);
    expect(await (await get(emu)).json()).toMatchObject({ code: '0' });
  });
});
