import { setupServer } from 'msw/node';
import { describe, expect, test } from 'vitest';
import { createMswHandlers, startServer } from '../src/index.js';
import { createCounter, headers } from './fixtures/counter-provider.js';

const BASE = 'https://api.counter.example';
type Mode = 'http' | 'msw';

/** The same 80 calls, reads and writes mixed, under `hostile` with `seed`, served over HTTP or through msw. */
async function run(mode: Mode, seed: string) {
  const emu = createCounter({ chaos: { profile: 'hostile', seed }, sleep: async () => {} });
  const t = emu.defaultAccount;
  // Never reached: the clock is manual, the attempts wait for an advance. Chaos decides at emit.
  t.webhooks.setUrl('http://127.0.0.1:9/hook');
  let base = BASE;
  let stop: () => Promise<void>;
  if (mode === 'http') {
    const server = await startServer({ fetch: emu.fetch });
    base = server.url;
    stop = () => server.close();
  } else {
    const msw = setupServer(...createMswHandlers(emu.fetch, [BASE]));
    msw.listen({ onUnhandledRequest: 'error' });
    stop = async () => msw.close();
  }
  const outcomes: string[] = [];
  for (let i = 0; i < 80; i++) {
    const write = i % 3 !== 0;
    const init = write ? { method: 'POST', headers: headers(t), body: '{}' } : { headers: headers(t) };
    const answer = await fetch(`${base}/api/count${write ? '/increment' : ''}`, init).then(
      async (res) => `${res.status} ${await res.text()}`,
      () => 'network error',
    );
    outcomes.push(answer);
  }
  await stop();
  // The real time spent and the host (the HTTP server's port) are the only fields a replay may change.
  const journal = t.journal.list().map(({ latencyMs: _ms, requestHeaders, ...entry }) => {
    const { host: _host, ...kept } = requestHeaders;
    return { ...entry, requestHeaders: kept };
  });
  return {
    journal: JSON.stringify(journal),
    deliveries: JSON.stringify(t.webhooks.deliveries()),
    marks: t.journal.list().map((e) => e.chaos ?? null),
    deliveryMarks: t.webhooks.deliveries().map((d) => d.chaos ?? null),
    outcomes,
  };
}

describe('chaos replay', () => {
  test.each<Mode>(['http', 'msw'])(
    'the same seed and the same calls give a byte-identical journal and delivery log (%s)',
    async (mode) => {
      const first = await run(mode, '42');
      const again = await run(mode, '42');
      expect(again.journal).toBe(first.journal);
      expect(again.deliveries).toBe(first.deliveries);
      expect(again.outcomes).toEqual(first.outcomes);
      // Not a run without faults: hostile acted on requests and on webhook events.
      expect(first.marks.filter(Boolean).length).toBeGreaterThan(5);
      expect(first.deliveryMarks.filter(Boolean).length).toBeGreaterThan(3);
      expect(first.outcomes).toContain('network error');
    },
  );

  test('HTTP and msw inject the same fault sequence for the same seed', async () => {
    const http = await run('http', '42');
    const msw = await run('msw', '42');
    expect(msw.marks).toEqual(http.marks);
    expect(msw.deliveryMarks).toEqual(http.deliveryMarks);
  });

  test('another seed gives another fault sequence', async () => {
    const a = await run('msw', '42');
    const b = await run('msw', '43');
    expect(b.marks).not.toEqual(a.marks);
  });
});
