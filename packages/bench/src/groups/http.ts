/**
 * @module
 * Figure group 1: HTTP throughput and latency of each fake against a bare Hono route on @hono/node-server answering
 * the same body as a constant, both loaded by autocannon from a second process in alternating rounds, in this run.
 * Every figure at both sizes: the account holds that many profiles (balance/query and package/list do not read
 * them, so a cost that grows with the state shows as a drop between the two sizes).
 */
import { startServer } from '@esim-sandbox/emulator';
import { createEsimAccessMock } from '@esim-sandbox/esimaccess-mock';
import { createIroamlyMock } from '@esim-sandbox/iroamly-mock';
import { Hono } from 'hono';
import { mergeResults, runLoad } from '../load/run-load.js';
import type { LoadResult } from '../load/spec.js';
import { type Figure, roundsFigure } from '../support/figures.js';
import { formatNumber } from '../support/report.js';
import {
  type Credentials,
  esimAccessScenario,
  iroamlyScenario,
  requestInit,
  type Scenario,
} from '../support/requests.js';
import { summarise } from '../support/rounds.js';
import { seedEsimAccessProfiles, seedIroamlyOrders } from '../support/seed.js';
import { type BenchSettings, wants } from '../support/settings.js';

/** The baseline: one plain route per path, answering whatever constant body the current figure set for it. */
function baselineApp(paths: readonly string[], bodies: Map<string, unknown>): Hono {
  const app = new Hono();
  for (const path of paths) app.post(path, (c) => c.json(bodies.get(path) as object));
  return app;
}

/** The target (#20), on the figures whose scenario is `targeted`. */
export const HTTP_TARGET = { ratio: 0.7, text: '>= 0.7x bare Hono' } as const;

/** A scenario of this group; `targeted`: the issue sets a target for it (the other rows are information). */
export interface HttpScenario extends Scenario {
  targeted: boolean;
}

/**
 * The eSIM Access figures with `size` profiles in the account. Targeted: signed balance/query (at either size) and
 * esim/query with the larger number of profiles (`large`).
 */
export function esimAccessScenarios(size: number, large: number): HttpScenario[] {
  const profiles = `${size.toLocaleString('en-US')} profiles`;
  return [
    {
      ...esimAccessScenario(`eSIM Access balance/query (signed), ${profiles}`, 'balance/query', {}),
      targeted: true,
    },
    {
      ...esimAccessScenario(`eSIM Access package/list, full catalogue, ${profiles}`, 'package/list', {}),
      targeted: false,
    },
    {
      ...esimAccessScenario(`eSIM Access esim/query, 50/page, ${profiles}`, 'esim/query', {
        startTime: '2000-01-01T00:00:00+0000',
        endTime: '2100-01-01T00:00:00+0000',
        pager: { pageNum: Math.max(1, Math.floor(size / 100)), pageSize: 50 },
      }),
      targeted: size === large,
    },
  ];
}

function describe(r: LoadResult): string {
  return `p50 ${formatNumber(r.p50Ms)} ms, p99 ${formatNumber(r.p99Ms)} ms`;
}

function failures(r: LoadResult): number {
  return r.errors + r.timeouts + r.non2xx + r.unexpected;
}

export async function httpFigures(settings: BenchSettings, log: (line: string) => void): Promise<Figure[]> {
  const [small, large] = settings.sizes;
  const ea = createEsimAccessMock({ seed: 'bench', balance: 1e12, rateLimit: null });
  const iroamly = createIroamlyMock({ seed: 'bench', balance: 1e12, rateLimit: null });
  const eaCredentials = (): Credentials => ({
    key: ea.accessCode,
    secret: ea.secretKey,
  });
  const iroamlyCredentials: Credentials = { key: iroamly.authKey, secret: iroamly.authSecret };

  log(`seeding ${small} eSIM Access profiles`);
  await seedEsimAccessProfiles(ea, small);
  const orderIds = await seedIroamlyOrders(iroamly, Math.max(1, Math.round(large / 10)), 10);

  const codeQuery: HttpScenario = {
    ...iroamlyScenario(
      `iRoamly codeQuery (10 codes; ${(orderIds.length * 10).toLocaleString('en-US')} codes in state)`,
      '/openapi/codeQuery',
      { orderId: orderIds[Math.floor(orderIds.length / 2)] },
    ),
    targeted: false,
  };
  const scenarios = esimAccessScenarios(small, large);
  const bodies = new Map<string, unknown>();
  const paths = [...new Set([...scenarios.map((scenario) => scenario.path), codeQuery.path])];
  const fakeServers = {
    esimaccess: await startServer({ emulator: ea.emulator }),
    iroamly: await startServer({ emulator: iroamly.emulator }),
  };
  const baseline = await startServer({ fetch: baselineApp(paths, bodies).fetch });
  const figures: Figure[] = [];

  const measure = async (scenario: HttpScenario) => {
    const credentials = scenario.provider === 'esimaccess' ? eaCredentials() : iroamlyCredentials;
    const fake = scenario.provider === 'esimaccess' ? ea : iroamly;
    // The baseline answers exactly what the fake answers for this request, as a constant.
    const sample = await fake.fetch(
      new Request(`http://bench.local${scenario.path}`, requestInit(scenario, credentials)),
    );
    const body: unknown = await sample.json();
    if (!JSON.stringify(body).includes(scenario.expect)) {
      throw new Error(`${scenario.name}: the fake refused the benchmark request: ${JSON.stringify(body)}`);
    }
    bodies.set(scenario.path, body);
    log(`load: ${scenario.name}`);
    const turns = await runLoad({
      origins: { fake: fakeServers[scenario.provider].url, baseline: baseline.url },
      rounds: settings.rounds,
      scenario,
      credentials,
      connections: settings.connections,
      turnS: settings.durationS / settings.rounds,
      warmupS: settings.warmupS,
    });
    const base = mergeResults(turns.baseline);
    const fakeResult = mergeResults(turns.fake);
    const failed = failures(fakeResult) + failures(base);
    const f = roundsFigure(
      {
        group: 1,
        name: scenario.name,
        unit: 'req/s',
        higherIsBetter: true,
        details: { p50: `${formatNumber(fakeResult.p50Ms)} ms`, p99: `${formatNumber(fakeResult.p99Ms)} ms` },
      },
      summarise(
        turns.fake.map((r) => r.rps),
        turns.baseline.map((r) => r.rps),
      ),
      `bare Hono, same body (${describe(base)})`,
    );
    if (failed > 0) f.details = { ...f.details, 'failed requests': failed };
    if (scenario.targeted && f.ratio !== undefined) {
      f.target = { text: HTTP_TARGET.text, met: failed === 0 && f.ratio >= HTTP_TARGET.ratio };
    }
    figures.push(f);
  };

  const measureWanted = async (list: readonly HttpScenario[]) => {
    for (const scenario of list) if (wants(settings, scenario.name)) await measure(scenario);
  };
  try {
    await measureWanted(scenarios);
    log(`seeding up to ${large} eSIM Access profiles`);
    await seedEsimAccessProfiles(ea, large - small);
    await measureWanted([...esimAccessScenarios(large, large), codeQuery]);
  } finally {
    await baseline.close();
    await fakeServers.esimaccess.close();
    await fakeServers.iroamly.close();
  }
  return figures;
}
