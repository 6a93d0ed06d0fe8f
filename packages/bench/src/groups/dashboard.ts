/**
 * @module
 * Figure group 7 (issue #17), the dashboard at scale: how long the playground takes to render the live sections of
 * an eSIM Access account of 10,000 profiles (read over the control API, searched and paged on the server: one
 * page of rows), timed from opening the page's event stream to its profiles section. Baseline: the same for an
 * account of 50 profiles (one page), in the same run.
 */
import { startServer } from '@esim-sandbox/emulator';
import { createEsimAccessMock } from '@esim-sandbox/esimaccess-mock';
import { startPlayground } from '@esim-sandbox/playground';
import { type Figure, figure } from '../support/figures.js';
import { seedEsimAccessProfiles } from '../support/seed.js';
import type { BenchSettings } from '../support/settings.js';
import { median } from '../support/stats.js';

const RUNS = 5;
const ONE_PAGE = 50;

/** Milliseconds from opening `/events` until the profiles section arrives, and that section's size. */
async function timeToProfiles(url: string): Promise<{ ms: number; bytes: number }> {
  const stop = new AbortController();
  const started = performance.now();
  const res = await fetch(url, { signal: stop.signal });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the event stream ended before the profiles section');
      buffer += value;
      const at = buffer.indexOf('"id":"esimaccess-profiles"');
      if (at >= 0 && buffer.indexOf('\n\n', at) >= 0) {
        const ms = performance.now() - started;
        return { ms, bytes: buffer.slice(at, buffer.indexOf('\n\n', at)).length };
      }
    }
  } finally {
    stop.abort();
  }
}

export async function dashboardFigures(
  settings: BenchSettings,
  log: (line: string) => void,
): Promise<Figure[]> {
  const [, large] = settings.sizes;
  const mock = createEsimAccessMock({ seed: 'bench', balance: 1e12, rateLimit: null, clock: 'manual' });
  const small = mock.emulator.createAccount({ params: { balance: 1e12 } });
  log(`dashboard: seeding ${large} and ${ONE_PAGE} profiles`);
  await seedEsimAccessProfiles(mock, large);
  await seedEsimAccessProfiles(mock, ONE_PAGE, small.key);
  const fake = await startServer({ emulator: mock.emulator });
  const playground = await startPlayground({
    port: 0,
    clock: 'manual',
    esimaccessUrl: fake.url,
    esimaccessCredentials: { key: mock.accessCode, secret: mock.secretKey },
  });
  try {
    const measure = async (account: string) => {
      const url = `${playground.url}/events?esimaccess=${encodeURIComponent(account)}`;
      await timeToProfiles(url);
      const runs: { ms: number; bytes: number }[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await timeToProfiles(url));
      return { ms: median(runs.map((r) => r.ms)), bytes: runs[0]!.bytes };
    };
    const big = await measure(mock.accessCode);
    const base = await measure(small.key);
    return [
      figure({
        group: 7,
        name: `dashboard: live sections of ${large.toLocaleString('en-US')} profiles, to the profiles section`,
        value: big.ms,
        unit: 'ms',
        higherIsBetter: false,
        baseline: { name: `same, ${ONE_PAGE} profiles`, value: base.ms },
        details: {
          'profiles section KB': Math.round(big.bytes / 1024),
          'baseline KB': Math.round(base.bytes / 1024),
        },
      }),
    ];
  } finally {
    await playground.close();
    await fake.close();
    await mock.close();
  }
}
