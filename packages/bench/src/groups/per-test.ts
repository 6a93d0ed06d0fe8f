/**
 * @module
 * Figure group 6: what a reseller's test suite pays per test, in the two modes its tests use.
 * - msw: the testing harness (`startEsimAccessFake({ mode: 'msw' })`): `newAccount()`, the first signed call with
 *   the account's client through msw, a clock advance that allocates an order, a reset of the account.
 * - HTTP: the same steps as a suite against a running fake does them over loopback: `POST /_sandbox/accounts`, the
 *   signed call, `POST .../clock/advance`, `POST .../reset`.
 * Each at the two sizes: the fake's default account holds that many profiles (a suite's other state), so a cost
 * that grows with the fake's state shows. A round's value is the mean of `perTestRepeats` cycles; the figure is the
 * median of the rounds. In msw mode the targets are absolute, without a baseline. Over HTTP every step is one
 * round trip, so right before each timed step the cycle times one POST with the same client and body to a bare Hono
 * route on @hono/node-server in the same process (the floor the fake cannot go under). Paired step by step, the two
 * see the same connection state, heap and load: a floor timed as a separate loop of back-to-back POSTs ran hot and
 * came out about 0.3 ms under the same POST timed inside the cycle. A step's ratio is to its own floor, and on a
 * machine where the floor alone is near 1 ms the target is the floor plus {@link HTTP_MARGIN_MS} (see the bench
 * README).
 */
import type { AddressInfo } from 'node:net';
import { EsimAccessClient } from '@esim-sandbox/core';
import { type EsimAccessFake, startEsimAccessFake } from '@esim-sandbox/esimaccess-mock/testing';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { type Figure, roundsFigure } from '../support/figures.js';
import { type RoundsSummary, summarise } from '../support/rounds.js';
import { cheapestPackage, seedEsimAccessProfiles } from '../support/seed.js';
import { type BenchSettings, wants } from '../support/settings.js';
import { median, timeMs } from '../support/stats.js';

/** Enough virtual time for the provider to allocate an order. */
const ALLOCATION_MS = 60_000;
const STEPS = ['new account', 'first signed call', 'advance that allocates an order', 'reset'] as const;
type Step = (typeof STEPS)[number];
const TARGET_MS: Partial<Record<Step, number>> = { 'new account': 1, reset: 1 };
/** Over HTTP, what the fake may add to the bare round trip when that alone leaves less than this under the target. */
const HTTP_MARGIN_MS = 0.3;
const BARE_NAME = 'bare Hono route on @hono/node-server, same client and body, right before the step';

/** One test's worth of steps, each timed alone (what happens between them is untimed). */
type Cycle = (time: (step: Step, fn: () => Promise<unknown>) => Promise<void>) => Promise<void>;

function mswCycle(fake: EsimAccessFake, packageCode: string): Cycle {
  return async (time) => {
    let account!: ReturnType<EsimAccessFake['newAccount']>;
    await time('new account', async () => {
      account = fake.newAccount();
    });
    const client = account.client({ rateLimit: false });
    await time('first signed call', () => client.getBalance());
    const { orderNo } = await client.order({
      transactionId: `t-${account.tenant.id}`,
      packageInfoList: [{ packageCode, count: 1 }],
    });
    await time('advance that allocates an order', () => account.advance(ALLOCATION_MS));
    if (account.order(orderNo).status !== 'GOT_RESOURCE')
      throw new Error('the advance did not allocate the order');
    await time('reset', async () => account.tenant.reset());
    await fake.releaseAccounts();
  };
}

async function control(url: string, body?: unknown): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

function httpCycle(fake: EsimAccessFake, packageCode: string): Cycle {
  const sandbox = `${fake.baseUrl}/_sandbox/accounts`;
  return async (time) => {
    let created!: { id: string; key: string; secret: string };
    await time('new account', async () => {
      created = (await control(sandbox)) as typeof created;
    });
    const client = new EsimAccessClient({
      accessCode: created.key,
      secretKey: created.secret,
      baseUrl: fake.baseUrl,
      rateLimit: false,
    });
    await time('first signed call', () => client.getBalance());
    const { orderNo } = await client.order({
      transactionId: `t-${created.id}`,
      packageInfoList: [{ packageCode, count: 1 }],
    });
    await time('advance that allocates an order', () =>
      control(`${sandbox}/${created.id}/clock/advance`, { ms: ALLOCATION_MS }),
    );
    const { esimList } = await client.queryProfiles({ orderNo, pager: { pageNum: 1, pageSize: 50 } });
    if (esimList.length !== 1) throw new Error('the advance did not allocate the order');
    await time('reset', () => control(`${sandbox}/${created.id}/reset`));
    await (await fetch(`${sandbox}/${created.id}`, { method: 'DELETE' })).arrayBuffer();
  };
}

/** A bare Hono route on @hono/node-server, as the fake's CLI serves (global objects left alone). */
async function startBareRoute(): Promise<{ url: string; close(): Promise<void> }> {
  const app = new Hono();
  app.post('/bare', (c) => c.json({ ok: true }));
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0, overrideGlobalObjects: false });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/bare`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

type PerStep = Map<Step, number[]>;
const perStep = (): PerStep => new Map(STEPS.map((s) => [s, []]));

/**
 * Per step, the rounds of mean ms per cycle; with `floor` (one bare round trip), per step too the rounds of the
 * mean floor timed right before that step.
 */
async function measureCycle(
  cycle: Cycle,
  settings: BenchSettings,
  floor?: () => Promise<unknown>,
): Promise<{ rounds: PerStep; floors?: PerStep }> {
  // Every path runs once before anything is timed.
  await cycle(async (_step, fn) => {
    await floor?.();
    await fn();
  });
  const rounds = perStep();
  const floors = perStep();
  for (let round = 0; round < settings.rounds; round++) {
    const totals = new Map<Step, number>();
    const floorTotals = new Map<Step, number>();
    for (let i = 0; i < settings.perTestRepeats; i++) {
      await cycle(async (step, fn) => {
        if (floor) floorTotals.set(step, (floorTotals.get(step) ?? 0) + (await timeMs(floor)));
        totals.set(step, (totals.get(step) ?? 0) + (await timeMs(fn)));
      });
    }
    for (const step of STEPS) {
      rounds.get(step)?.push((totals.get(step) ?? 0) / settings.perTestRepeats);
      if (floor) floors.get(step)?.push((floorTotals.get(step) ?? 0) / settings.perTestRepeats);
    }
  }
  return floor ? { rounds, floors } : { rounds };
}

/**
 * The step's target: absolute, or over HTTP the median of the per-round differences to the paired floor (each
 * round's cycles against the bare round trips timed beside them, as every ratio pairs its rounds) at most
 * {@link HTTP_MARGIN_MS}.
 */
function stepTarget(step: Step, rounds: RoundsSummary): Figure['target'] {
  const target = TARGET_MS[step];
  if (target === undefined) return undefined;
  const { value, values, baselines } = rounds;
  if (!baselines) return { text: `< ${target} ms`, met: value < target };
  const over = median(values.map((v, i) => v - (baselines[i] ?? 0)));
  return {
    text: `< ${target} ms, or <= bare round trip + ${HTTP_MARGIN_MS} ms (median per-round difference: ${over.toFixed(3)} ms)`,
    met: value < target || over <= HTTP_MARGIN_MS,
  };
}

function stepName(mode: 'msw' | 'http', step: Step, size: number): string {
  const how = mode === 'msw' ? 'msw, testing harness' : 'HTTP, control API';
  return `per test (${how}): ${step}, ${size.toLocaleString('en-US')} profiles in the fake`;
}

export async function perTestFigures(
  settings: BenchSettings,
  log: (line: string) => void,
): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const mode of ['msw', 'http'] as const) {
    for (const size of settings.sizes) {
      if (!STEPS.some((step) => wants(settings, stepName(mode, step, size)))) continue;
      const fake = await startEsimAccessFake({ mode, seed: 'bench', balance: 1e12, rateLimit: null });
      const bare = mode === 'http' ? await startBareRoute() : undefined;
      try {
        log(`per test (${mode}): seeding ${size} profiles`);
        await seedEsimAccessProfiles(fake.mock, size);
        const packageCode = await cheapestPackage(fake.mock);
        const cycle = mode === 'msw' ? mswCycle(fake, packageCode) : httpCycle(fake, packageCode);
        const floor = bare ? () => control(bare.url) : undefined;
        const { rounds, floors } = await measureCycle(cycle, settings, floor);
        for (const step of STEPS) {
          const name = stepName(mode, step, size);
          if (!wants(settings, name)) continue;
          const summary = summarise(rounds.get(step) ?? [], floors?.get(step));
          const f = roundsFigure(
            { group: 6, name, unit: 'ms', higherIsBetter: false },
            summary,
            floors ? BARE_NAME : undefined,
          );
          const target = stepTarget(step, summary);
          if (target) f.target = target;
          figures.push(f);
        }
      } finally {
        await bare?.close();
        await fake.close();
      }
    }
  }
  return figures;
}
