import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createMswHandlers, type RunningServer, startServer } from '../src/index.js';
import { createCounter, headers } from './fixtures/counter-provider.js';

const BASE = 'https://api.counter.example';
const emu = createCounter();
const msw = setupServer(...createMswHandlers(emu.fetch, [BASE, 'https://mirror.counter.example/']));
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ fetch: emu.fetch });
  msw.listen({ onUnhandledRequest: 'bypass' });
});
afterEach(() => msw.resetHandlers());
afterAll(async () => {
  msw.close();
  await server.close();
});

describe('msw handlers', () => {
  test('serve the same state, journal and clock as the HTTP server of the same emulator', async () => {
    const h = headers(emu.defaultAccount);
    const viaMsw = await fetch(`${BASE}/api/count/increment`, { method: 'POST', headers: h, body: '{}' });
    expect(await viaMsw.json()).toEqual({ code: '0', count: 1 });
    const viaHttp = await fetch(`${server.url}/api/count/increment`, {
      method: 'POST',
      headers: h,
      body: '{}',
    });
    expect(await viaHttp.json()).toEqual({ code: '0', count: 2 });
    const mirror = await fetch('https://mirror.counter.example/api/count', { headers: h });
    expect(await mirror.json()).toEqual({ code: '0', count: 2 });
    expect(emu.defaultAccount.journal.list().map((e) => e.path)).toEqual([
      '/api/count/increment',
      '/api/count/increment',
      '/api/count',
    ]);
    await emu.defaultAccount.advance(1_000);
    const clock = await (await fetch(`${BASE}/_sandbox/accounts/default/clock`)).json();
    const httpClock = await (await fetch(`${server.url}/_sandbox/accounts/default/clock`)).json();
    expect(clock.now).toBe(httpClock.now);
  });
});
