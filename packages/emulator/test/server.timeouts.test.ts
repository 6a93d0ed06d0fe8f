import { connect, type Socket } from 'node:net';
import { describe, expect, test } from 'vitest';
import { startServer } from '../src/index.js';
import { createCounter, headers } from './fixtures/counter-provider.js';

interface Opened {
  socket: Socket;
  /** Resolves with the real ms from connecting until the server closed the socket. */
  closed: Promise<number>;
}

/**
 * Connects and watches for the close at once (on a loaded machine the server may close the first sockets while later
 * ones are still connecting), reading so that the server's FIN is seen.
 */
function open(port: number): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1', () => resolve({ socket, closed }));
    const closed = new Promise<number>((done) => socket.once('close', () => done(Date.now() - started)));
    socket.once('error', reject);
    socket.on('error', () => {});
    // A paused socket may never read the server's FIN, so it would never see the close: keep it flowing.
    socket.resume();
  });
}

describe('server timeouts', () => {
  test('connections that never send a byte, or send headers a byte at a time, are closed; new clients are served', async () => {
    const emu = createCounter();
    const server = await startServer({ emulator: emu, timeouts: { headersMs: 300, requestMs: 600 } });
    try {
      const silent = await Promise.all(Array.from({ length: 50 }, () => open(server.port)));
      const slow = await open(server.port);
      slow.socket.write('POST /api/echo HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      const drip = setInterval(() => slow.socket.write('x'), 50);
      const closings = [...silent, slow].map((o) => o.closed);
      const res = await fetch(`${server.url}/api/count`, { headers: headers(emu.defaultAccount) });
      expect(res.status).toBe(200);
      const times = await Promise.all(closings);
      clearInterval(drip);
      // Closed at all is the point (without the limits they stay open for ever); the bound is generous because a
      // loaded CI machine can run the 300 ms timers late.
      expect(Math.max(...times)).toBeLessThan(10_000);
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
