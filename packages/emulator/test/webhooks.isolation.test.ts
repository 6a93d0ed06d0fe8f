import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, test, vi } from 'vitest';
import { startWebhookReceiver } from '../src/testing.js';
import { createCounter } from './fixtures/counter-provider.js';

/** A receiver that reads each request and never answers. */
async function startHangingReceiver() {
  const hanging: IncomingMessage[] = [];
  const server = createServer((req) => {
    hanging.push(req);
    req.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    hanging,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('webhook delivery isolation (real clock)', () => {
  test('a receiver that never answers on one account does not hold back another account’s task or webhook', async () => {
    const hang = await startHangingReceiver();
    const fast = await startWebhookReceiver();
    const emu = createCounter({ clock: 'real', startTime: undefined, webhookTimeoutMs: 60_000 });
    try {
      const a = emu.defaultAccount;
      const b = emu.createAccount({ key: 'key-b', secret: 'secret-b' });
      a.webhooks.setUrl(hang.url);
      b.webhooks.setUrl(fast.url);
      for (let i = 0; i < 10; i++) a.webhooks.emit({ type: 'COUNT', payload: { i } });
      await vi.waitFor(() => expect(hang.hanging).toHaveLength(1), { timeout: 2_000, interval: 20 });

      b.scheduler.after('increment', 200, { by: 1 });
      b.webhooks.emit({ type: 'COUNT', payload: { b: true } });
      await vi.waitFor(
        () => {
          expect(b.state.count).toBe(1);
          expect(fast.received.map((r) => r.json)).toEqual([{ b: true }]);
        },
        { timeout: 2_000, interval: 20 },
      );
    } finally {
      await hang.close();
      await fast.close();
      await emu.close();
    }
  });
});
