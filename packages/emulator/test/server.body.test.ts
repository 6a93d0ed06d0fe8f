import { describe, expect, test } from 'vitest';
import { startServer } from '../src/index.js';
import { createCounter, headers } from './fixtures/counter-provider.js';

describe('request bodies over HTTP', () => {
  test('a body of many chunks reaches the route whole, as rawBody and through c.req.json()', async () => {
    // The journal keeps this body whole only with a per-entry limit above its 300,000 characters.
    const emu = createCounter({ clock: 'manual', journalBodyChars: 400_000 });
    const server = await startServer({ emulator: emu });
    try {
      const t = emu.defaultAccount;
      // Large enough to arrive in several socket reads.
      const padding = 'é'.repeat(300_000);
      const echo = await fetch(`${server.url}/api/echo`, {
        method: 'POST',
        headers: headers(t),
        body: JSON.stringify({ padding }),
      });
      expect(((await echo.json()) as { raw: string }).raw).toBe(JSON.stringify({ padding }));

      const later = await fetch(`${server.url}/api/count/later`, {
        method: 'POST',
        headers: headers(t),
        body: JSON.stringify({ delayMs: 1_000, by: 4, padding }),
      });
      expect(await later.json()).toMatchObject({ code: '0' });
      await t.advance(1_000);
      expect(t.state.count).toBe(4);
      expect(t.journal.last()?.requestBody).toEqual({ delayMs: 1_000, by: 4, padding });
    } finally {
      await server.close();
    }
  });
});
