/**
 * Webhook fan-out at scale over loopback: 10,000 events on one advance, with the account's receiver held (a slow
 * receiver), must not hold back another account, and once it answers every event arrives exactly once, each key's
 * events in emit order. Virtual clock; the receiver is released by the test, never by a sleep.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, test } from 'vitest';
import { DEFAULT_WEBHOOK_CONCURRENCY } from '../src/webhooks/pool.js';
import { createCounter } from './fixtures/counter-provider.js';

interface Received {
  id: string;
  key: string;
  n: number;
}

/** Records every POST per path; `/slow` answers only once released, anything else at once. */
async function startReceiver() {
  const received = new Map<string, Received[]>([
    ['/slow', []],
    ['/fast', []],
  ]);
  const held: ServerResponse[] = [];
  let holding = true;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.get(req.url ?? '')?.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Received);
      if (req.url === '/slow' && holding) held.push(res);
      else res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    received,
    held,
    release() {
      holding = false;
      for (const res of held.splice(0)) res.end('ok');
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Lets I/O and promise work run until `done()` holds (no timers involved). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !done(); i++) await new Promise((r) => setImmediate(r));
  if (!done()) throw new Error('condition never held');
}

const EVENTS = 10_000;
const KEYS = 500;

describe('webhook fan-out', () => {
  test('10,000 events to a held receiver neither stall another account nor get lost or delivered twice once it answers', async () => {
    const receiver = await startReceiver();
    const emu = createCounter({ webhookLogSize: EVENTS });
    try {
      const slow = emu.defaultAccount;
      const other = emu.createAccount({ key: 'key-b', secret: 'secret-b' });
      slow.webhooks.setUrl(`${receiver.base}/slow`);
      other.webhooks.setUrl(`${receiver.base}/fast`);
      const ids: string[] = [];
      for (let i = 0; i < EVENTS; i++) {
        const key = `k${i % KEYS}`;
        const n = Math.floor(i / KEYS);
        ids.push(slow.webhooks.emit({ type: 'X', payload: (id) => ({ id, key, n }), orderKey: key })!.id);
      }
      const slowAdvance = slow.advance(0);
      await until(() => receiver.held.length === DEFAULT_WEBHOOK_CONCURRENCY);

      for (let n = 0; n < 50; n++) {
        other.webhooks.emit({ type: 'X', payload: (id) => ({ id, key: 'b', n }), orderKey: `b${n}` });
      }
      await other.advance(0);
      expect(other.webhooks.deliveries({ state: 'delivered' })).toHaveLength(50);
      expect(receiver.received.get('/fast')).toHaveLength(50);
      // The held account sent no more than its slots while the other one delivered everything.
      expect(receiver.received.get('/slow')).toHaveLength(DEFAULT_WEBHOOK_CONCURRENCY);

      receiver.release();
      await slowAdvance;
      const got = receiver.received.get('/slow') ?? [];
      expect(got).toHaveLength(EVENTS);
      expect(new Set(got.map((r) => r.id)).size).toBe(EVENTS);
      const lastN = new Map<string, number>();
      const outOfOrder = got.filter((r) => {
        const before = lastN.get(r.key) ?? -1;
        lastN.set(r.key, r.n);
        return r.n !== before + 1;
      });
      expect(outOfOrder).toEqual([]);
      const states = new Set(ids.map((id) => slow.webhooks.get(id).state));
      expect([...states]).toEqual(['delivered']);
    } finally {
      await receiver.close();
      await emu.close();
    }
  }, 60_000);
});
