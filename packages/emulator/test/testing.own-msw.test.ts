import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { serveEmulator } from '../src/testing.js';
import { createCounter, headers } from './fixtures/counter-provider.js';

// The provider's "production" host: a real loopback server, so a request msw lets through is visible as such.
let host: { url: string; server: Server };
const mine = http.get('https://shop.example/ping', () => HttpResponse.json({ pong: true }));
const server = setupServer(mine);

beforeAll(async () => {
  const real = createServer((_req, res) => res.writeHead(200).end('{"real":true}'));
  await new Promise<void>((resolve) => real.listen(0, '127.0.0.1', resolve));
  host = { url: `http://127.0.0.1:${(real.address() as AddressInfo).port}`, server: real };
  server.listen({ onUnhandledRequest: 'bypass' });
});
afterEach(() => server.resetHandlers(mine));
afterAll(async () => {
  server.close();
  await new Promise<void>((resolve) => host.server.close(() => resolve()));
});

async function count(tenant: { key: string; secret: string }): Promise<unknown> {
  return (await fetch(`${host.url}/api/count`, { headers: headers(tenant) })).json();
}

describe('serveEmulator({ server }): a fake joins the msw server the suite already runs', () => {
  test('fakes served one after the other each answer, and a closed one leaves your handler list', async () => {
    const first = createCounter({ account: { key: 'k1', secret: 's1' } });
    const a = await serveEmulator(first, { mode: 'msw', realBaseUrl: host.url, server });
    const h = headers(first.defaultAccount);
    await fetch(`${host.url}/api/count/increment`, { method: 'POST', headers: h, body: '{}' });
    expect(await count(first.defaultAccount)).toEqual({ code: '0', count: 1 });
    expect(server.listHandlers()).toEqual([mine, ...a.handlers]);
    await a.close();
    expect(server.listHandlers()).toEqual([mine]);

    const second = createCounter({ account: { key: 'k2', secret: 's2' } });
    const b = await serveEmulator(second, { mode: 'msw', realBaseUrl: host.url, server });
    try {
      expect(await count(second.defaultAccount)).toEqual({ code: '0', count: 0 });
      expect(await (await fetch('https://shop.example/ping')).json()).toEqual({ pong: true });
    } finally {
      await b.close();
    }
  });

  test('a request that reaches a closed fake (no other handler left to replace it) is refused, not served', async () => {
    server.resetHandlers(http.get('https://shop.example/only', () => HttpResponse.text('only')));
    const emulator = createCounter();
    const served = await serveEmulator(emulator, { mode: 'msw', realBaseUrl: host.url, server });
    server.resetHandlers(...served.handlers);
    await served.close();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const refused = await fetch(`${host.url}/api/count`, { headers: headers(emulator.defaultAccount) });
      expect(refused.status).toBe(500);
      expect(await refused.text()).toContain(`the fake serving ${host.url} was closed`);
    } finally {
      errors.mockRestore();
    }
  });

  test('your server with mode http is an INVALID_OPTION error naming server', async () => {
    const emulator = createCounter();
    await expect(
      serveEmulator(emulator, { mode: 'http', realBaseUrl: host.url, server }),
    ).rejects.toMatchObject({
      code: 'INVALID_OPTION',
      field: 'server',
    });
    await emulator.close();
  });
});
