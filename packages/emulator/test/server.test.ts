import { request as httpRequest } from 'node:http';
import { describe, expect, test } from 'vitest';
import { isLoopback, startServer } from '../src/index.js';
import { createCounter, headers } from './fixtures/counter-provider.js';

describe('startServer', () => {
  test('binds 127.0.0.1 on a free port by default and serves the emulator', async () => {
    const emu = createCounter();
    const server = await startServer({ emulator: emu });
    try {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
      const res = await fetch(`${server.url}/api/count`, { headers: headers(emu.defaultAccount) });
      expect(await res.json()).toEqual({ code: '0', count: 0 });
    } finally {
      await server.close();
    }
  });

  test('close waits for an in-flight request to be answered', async () => {
    const emu = createCounter();
    const server = await startServer({ emulator: emu });
    emu.defaultAccount.faults.add({ path: '/api/count', times: 1, action: { type: 'latency', ms: 150 } });
    const pending = fetch(`${server.url}/api/count`, { headers: headers(emu.defaultAccount) });
    await new Promise((r) => setTimeout(r, 50));
    await server.close();
    expect((await pending).status).toBe(200);
  });

  test('a port in use is a clear error', async () => {
    const first = await startServer({ fetch: () => new Response('x') });
    try {
      await expect(startServer({ fetch: () => new Response('y'), port: first.port })).rejects.toThrow(
        /the port is in use/,
      );
    } finally {
      await first.close();
    }
  });

  test.each([
    ['127.0.0.1', true],
    ['localhost', true],
    ['::1', true],
    ['0.0.0.0', false],
    ['192.168.1.4', false],
  ])('isLoopback(%s) is %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });
});

describe('connection info', () => {
  test('the app sees the socket address in HTTP mode and loopback in-process', async () => {
    const { Hono } = await import('hono');
    const { clientAddress } = await import('../src/index.js');
    const app = new Hono();
    app.get('/who', (c) => c.text(clientAddress(c)));
    const running = await startServer({ fetch: (r, conn) => app.fetch(r, conn) });
    try {
      // Any 127.x address is loopback on Linux: calling from 127.0.0.5 proves the socket's address reaches the app.
      const body = await new Promise<string>((resolve, reject) => {
        const req = httpRequest(`${running.url}/who`, { localAddress: '127.0.0.5' }, (res) => {
          let text = '';
          res.on('data', (chunk) => {
            text += chunk;
          });
          res.on('end', () => resolve(text));
        });
        req.on('error', reject);
        req.end();
      });
      expect(body).toBe('127.0.0.5');
    } finally {
      await running.close();
    }
    expect(await (await app.request('/who')).text()).toBe('127.0.0.1');
  });
});
