/**
 * @module
 * Figure group 2: in-process cost per request through msw (the fakes' handlers on the providers' real base URLs)
 * against a plain msw handler answering the same body as a constant. Requests are sent one after another with the
 * global fetch msw patches, each built and signed like a client's, for fake and baseline alike, in alternating
 * rounds; at both sizes (profiles in the account).
 */
import { ESIM_ACCESS_DEFAULT_BASE_URL, IROAMLY_DEFAULT_BASE_URL } from '@esim-sandbox/core';
import { createEsimAccessMock, esimAccessHandlers } from '@esim-sandbox/esimaccess-mock';
import { createIroamlyMock, iroamlyHandlers } from '@esim-sandbox/iroamly-mock';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { type Figure, roundsFigure } from '../support/figures.js';
import {
  type Credentials,
  esimAccessScenario,
  iroamlyScenario,
  requestInit,
  type Scenario,
} from '../support/requests.js';
import { measureRounds } from '../support/rounds.js';
import { seedEsimAccessProfiles, seedIroamlyOrders } from '../support/seed.js';
import { type BenchSettings, wants } from '../support/settings.js';

const BASELINE = 'https://baseline.bench';

/** Mean µs per request over `n` sequential requests, after a warm-up of `warmup`. */
async function perRequestUs(
  url: string,
  scenario: Scenario,
  credentials: Credentials,
  n: number,
  warmup: number,
): Promise<number> {
  const once = async () => {
    const res = await fetch(url, requestInit(scenario, credentials));
    const text = await res.text();
    if (!text.includes(scenario.expect))
      throw new Error(`${scenario.name}: unexpected answer ${text.slice(0, 200)}`);
  };
  for (let i = 0; i < warmup; i++) await once();
  const started = performance.now();
  for (let i = 0; i < n; i++) await once();
  return ((performance.now() - started) / n) * 1000;
}

export async function mswFigures(settings: BenchSettings, log: (line: string) => void): Promise<Figure[]> {
  const [small, large] = settings.sizes;
  const ea = createEsimAccessMock({ seed: 'bench', balance: 1e12, rateLimit: null });
  const iroamly = createIroamlyMock({ seed: 'bench', balance: 1e12, rateLimit: null });
  log(`msw: seeding ${small} profiles`);
  await seedEsimAccessProfiles(ea, small);
  const orderIds = await seedIroamlyOrders(iroamly, Math.max(1, Math.round(large / 10)), 10);
  const eaCredentials: Credentials = {
    key: ea.accessCode,
    secret: ea.secretKey,
  };
  const iroamlyCredentials: Credentials = { key: iroamly.authKey, secret: iroamly.authSecret };

  const sized = (size: number): Scenario[] => {
    const profiles = `${size.toLocaleString('en-US')} profiles`;
    return [
      esimAccessScenario(`msw: eSIM Access balance/query (signed), ${profiles}`, 'balance/query', {}),
      esimAccessScenario(`msw: eSIM Access package/list, full catalogue, ${profiles}`, 'package/list', {}),
      esimAccessScenario(`msw: eSIM Access esim/query, 50/page, ${profiles}`, 'esim/query', {
        startTime: '2000-01-01T00:00:00+0000',
        endTime: '2100-01-01T00:00:00+0000',
        pager: { pageNum: Math.max(1, Math.floor(size / 100)), pageSize: 50 },
      }),
    ];
  };
  const codeQuery = iroamlyScenario('msw: iRoamly codeQuery (10 codes)', '/openapi/codeQuery', {
    orderId: orderIds[Math.floor(orderIds.length / 2)],
  });

  // The plain handler answers whatever constant the current figure set, for every path.
  let constant: unknown = null;
  const server = setupServer(
    ...esimAccessHandlers(ea),
    ...iroamlyHandlers(iroamly),
    http.post(`${BASELINE}/*`, () => HttpResponse.json(constant as object)),
  );
  server.listen({ onUnhandledRequest: 'error' });
  const figures: Figure[] = [];
  const measure = async (scenario: Scenario) => {
    if (!wants(settings, scenario.name)) return;
    log(scenario.name);
    const esim = scenario.provider === 'esimaccess';
    const credentials = esim ? eaCredentials : iroamlyCredentials;
    const base = esim ? ESIM_ACCESS_DEFAULT_BASE_URL : IROAMLY_DEFAULT_BASE_URL;
    constant = await (await fetch(`${base}${scenario.path}`, requestInit(scenario, credentials))).json();
    const n = Math.ceil(settings.mswRequests / settings.rounds);
    const warmup = Math.ceil(settings.mswRequests / 10);
    const run = (url: string) => (round: number) =>
      perRequestUs(url, scenario, credentials, n, round === 0 ? warmup : 0);
    const rounds = await measureRounds(
      settings.rounds,
      run(`${base}${scenario.path}`),
      run(`${BASELINE}${scenario.path}`),
    );
    figures.push(
      roundsFigure(
        { group: 2, name: scenario.name, unit: 'µs', higherIsBetter: false },
        rounds,
        'plain msw handler, same body',
      ),
    );
  };
  try {
    for (const scenario of sized(small)) await measure(scenario);
    log(`msw: seeding up to ${large} profiles`);
    await seedEsimAccessProfiles(ea, large - small);
    for (const scenario of [...sized(large), codeQuery]) await measure(scenario);
  } finally {
    server.close();
    await ea.close();
    await iroamly.close();
  }
  return figures;
}
