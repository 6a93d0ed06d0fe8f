import { connect, type Socket } from 'node:net';
import { describe, expect, test } from 'vitest';
import { startServer } from '../src/index.js';
import { createCounter, headers } from './fixtures/counter-provider.js';

/** Resolves with the real ms until the server closes `socket`. */
function closedAfter(socket: Socket): Promise<number> {
  const started = Date.now();
  return new Promise((resolve) => {
    socket.on('error', () => {});
    socket.once('close', () => resolve(Date.now() - started));
  });
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
}

describe('server timeouts', () => {
  test('connections that never send a byte, or send headers a byte at a time, are closed; new clients are served', async () => {
    const emu = createCounter();
    const server = await startServer({ emulator: emu, timeouts: { headersMs: 300, requestMs: 600 } });
    try {
      const silent = await Promise.all(Array.from({ length: 50 }, () => open(server.port)));
      const slow = await open(server.port);
      slow.write('POST /api/echo HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      const drip = setInterval(() => slow.write('x'), 50);
      const closings = [...silent, slow].map(closedAfter);
      const res = await fetch(`${server.url}/api/count`, { headers: headers(emu.defaultAccount) });
      expect(res.status).toBe(200);
      const times = await Promise.all(closings);
      clearInterval(drip);
      expect(Math.max(...times)).toBeLessThan(3_000);
    } finally {
      await server.close();
    }
  });

  test('the keep-alive timeout is configurable and announced in answers', async () => {
    const server = await startServer({ emulator: createCounter(), timeouts: { keepAliveMs: 2_000 } });
    try {
      const res = await fetch(`${server.url}/_sandbox/health`);
      expect(res.headers.get('keep-alive')).toBe('timeout=2');
    } finally {
      await server.close();
    }
  });
});
