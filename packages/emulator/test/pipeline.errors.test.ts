import { describe, expect, test } from 'vitest';
import { createEmulator } from '../src/index.js';
import { counterProvider, createCounter, headers } from './fixtures/counter-provider.js';

describe('crash-proof provider routes', () => {
  test('a route that throws becomes the provider server error, is journaled and logged once without secrets', async () => {
    const errors: string[] = [];
    const emu = createCounter({ logger: { error: (m) => errors.push(m) } });
    const res = await emu.request('/api/boom', {
      method: 'POST',
      headers: headers(emu.defaultAccount),
      body: '{}',
    });
    expect(await res.json()).toEqual({ code: 'SERVER_ERROR' });
    expect(emu.defaultAccount.journal.last()).toMatchObject({
      path: '/api/boom',
      providerCode: 'SERVER_ERROR',
    });
    expect(errors).toEqual(['POST /api/boom failed: kaboom']);
  });

  test('without a provider renderer the answer is a JSON 500, never a stack trace', async () => {
    const { renderServerError: _omit, ...rest } = counterProvider;
    const emu = createEmulator(rest, { account: { key: 'k', secret: 's' }, logger: { error: () => {} } });
    const res = await emu.request('/api/boom', { method: 'POST', headers: headers(emu.defaultAccount) });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).toBe('{"error":"internal server error"}');
  });

  test('an unknown provider path goes through auth and gets the default JSON 404', async () => {
    const emu = createCounter();
    expect((await emu.request('/api/nothing', { headers: { 'x-key': 'nobody' } })).status).toBe(401);
    const res = await emu.request('/api/nothing', { headers: headers(emu.defaultAccount) });
    expect(res.status).toBe(404);
    expect(emu.defaultAccount.journal.last()).toMatchObject({ path: '/api/nothing', status: 404 });
  });

  test('public routes answer without auth or journal', async () => {
    const emu = createEmulator(
      { ...counterProvider, publicRoutes: (app) => app.get('/public/ping', (c) => c.text('pong')) },
      { logger: { error: () => {} } },
    );
    const res = await emu.request('/public/ping');
    expect(await res.text()).toBe('pong');
    expect(emu.defaultAccount.journal.list()).toEqual([]);
  });

  test('the route sees the exact request body bytes in c.var.rawBody', async () => {
    const emu = createCounter();
    const body = '{ "b":1,  "a":2 }';
    const res = await emu.request('/api/echo', {
      method: 'POST',
      headers: headers(emu.defaultAccount),
      body,
    });
    expect(await res.json()).toEqual({ code: '0', raw: body });
  });
});
