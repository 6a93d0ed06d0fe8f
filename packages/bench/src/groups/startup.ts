/**
 * @module
 * Figure group 3, start-up: from spawning each fake's CLI to its `listening on` line, as users run it (the
 * packed bin, `node dist/bin.js` of the package's own build) against a bare Hono server bundled the same way,
 * and as `pnpm start` runs it in the workspace (`node --import tsx src/bin.ts`, for information) against the
 * bare server under tsx; and in process, from `createXMock()` to the first answered request, against a bare
 * Hono app's first answer.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEsimAccessMock } from '@esim-sandbox/esimaccess-mock';
import { createIroamlyMock } from '@esim-sandbox/iroamly-mock';
import { Hono } from 'hono';
import { buildPackages, bundle, packedBin, repoRoot, sourceBin } from '../support/build.js';
import { type Figure, roundsFigure } from '../support/figures.js';
import { esimAccessScenario, iroamlyScenario, requestInit, type Scenario } from '../support/requests.js';
import { measureRounds, type RoundsSummary } from '../support/rounds.js';
import { type BenchSettings, wants } from '../support/settings.js';
import { spawnListening } from '../support/spawn.js';
import { timeMs } from '../support/stats.js';

const BARE_SERVER = fileURLToPath(new URL('../baseline/bare-server.ts', import.meta.url));
const CLI_TARGET_MS = 500;
const IN_PROCESS_TARGET_MS = 5;
const CLIS = [
  ['eSIM Access', 'esimaccess-mock'],
  ['iRoamly', 'iroamly-mock'],
] as const;
const LAUNCHERS = [
  { how: 'packed bin, node dist/bin.js' },
  { how: 'pnpm start, node --import tsx src/bin.ts' },
] as const;

async function startupMs(script: string): Promise<number> {
  const running = await spawnListening(script, ['--port', '0']);
  await running.stop();
  return running.startupMs;
}

/**
 * Spawn-to-listening times of `script` and of the baseline in alternating rounds, after one unmeasured pair (it
 * fills tsx's transform cache).
 */
async function cliStartupMs(script: string, bare: string, rounds: number): Promise<RoundsSummary> {
  await startupMs(script);
  await startupMs(bare);
  return measureRounds(
    rounds,
    () => startupMs(script),
    () => startupMs(bare),
  );
}

function cliFigureName(name: string, how: string): string {
  return `${name} CLI (${how}): spawn to 'listening on'`;
}

async function cliFigures(settings: BenchSettings, log: (line: string) => void): Promise<Figure[]> {
  const runs = settings.rounds;
  const wanted = LAUNCHERS.some((launcher) =>
    CLIS.some(([name]) => wants(settings, cliFigureName(name, launcher.how))),
  );
  // `--figure 'in process'` need not build and bundle anything.
  if (!wanted) return [];
  log('start-up: building the fakes (their build scripts) and bundling the bare baseline');
  await buildPackages(CLIS.map(([, bin]) => `@esim-sandbox/${bin}`));
  const bareBundle = await bundle(BARE_SERVER, join(repoRoot, 'bench-results/build/bare-server.mjs'));
  const launchers = [
    {
      ...LAUNCHERS[0],
      script: (bin: string) => packedBin(`@esim-sandbox/${bin}`, bin),
      bare: bareBundle,
      bareName: 'bare Hono server bundled alike, plain node',
      target: true,
    },
    {
      ...LAUNCHERS[1],
      script: (bin: string) => sourceBin(`@esim-sandbox/${bin}`),
      bare: BARE_SERVER,
      bareName: 'bare Hono server under tsx',
      target: false,
    },
  ];
  log('start-up: CLIs');
  const figures: Figure[] = [];
  for (const launcher of launchers) {
    for (const [name, bin] of CLIS) {
      if (!wants(settings, cliFigureName(name, launcher.how))) continue;
      const rounds = await cliStartupMs(launcher.script(bin), launcher.bare, runs);
      const ms = rounds.value;
      figures.push(
        roundsFigure(
          {
            group: 3,
            name: cliFigureName(name, launcher.how),
            unit: 'ms',
            higherIsBetter: false,
            ...(launcher.target
              ? { target: { text: `< ${CLI_TARGET_MS} ms`, met: ms < CLI_TARGET_MS } }
              : {}),
          },
          rounds,
          launcher.bareName,
        ),
      );
    }
  }
  return figures;
}

async function bareFirstAnswer(scenario: Scenario): Promise<void> {
  const app = new Hono();
  app.post(scenario.path, (c) => c.json({ success: true, errorCode: null, errorMsg: null, obj: {} }));
  await (
    await app.fetch(new Request(`http://bench.local${scenario.path}`, { method: 'POST', body: '{}' }))
  ).text();
}

export async function startupFigures(
  settings: BenchSettings,
  log: (line: string) => void,
): Promise<Figure[]> {
  const runs = settings.rounds;
  const figures = await cliFigures(settings, log);

  log('start-up: in process');
  const balance = esimAccessScenario('balance', 'balance/query', {});
  const bare = () => bareFirstAnswer(balance);
  const eaStart = async () => {
    const mock = createEsimAccessMock({ clock: 'manual' });
    const credentials = { key: mock.accessCode, secret: mock.secretKey };
    const res = await mock.fetch(
      new Request(`http://bench.local${balance.path}`, requestInit(balance, credentials)),
    );
    if (!(await res.text()).includes(balance.expect)) throw new Error('eSIM Access: first request refused');
    await mock.close();
  };
  const regions = iroamlyScenario('plans', '/openapi/codeQuery', { orderId: 'none' });
  const iroamlyStart = async () => {
    const mock = createIroamlyMock({ clock: 'manual' });
    const credentials = { key: mock.authKey, secret: mock.authSecret };
    // An unknown order is a complete authenticated round trip (auth, validation, lookup, answer).
    const res = await mock.fetch(
      new Request(`http://bench.local${regions.path}`, requestInit(regions, credentials)),
    );
    if (!(await res.text()).includes('"code":')) throw new Error('iRoamly: first request unanswered');
    await mock.close();
  };
  for (const [name, start] of [
    ['createEsimAccessMock() to first answered request', eaStart],
    ['createIroamlyMock() to first answered request', iroamlyStart],
  ] as const) {
    if (!wants(settings, `in process: ${name}`)) continue;
    // One unmeasured pair: the first start in a process also loads the code.
    await start();
    await bare();
    // No full collection before a sample: one makes both sides colder (a new Hono app's first answer went from 0.3
    // to 0.8-1.9 ms), so it measures recompilation rather than the start.
    const rounds = await measureRounds(
      runs,
      () => timeMs(start),
      () => timeMs(bare),
    );
    figures.push(
      roundsFigure(
        {
          group: 3,
          name: `in process: ${name}`,
          unit: 'ms',
          higherIsBetter: false,
          target: { text: `< ${IN_PROCESS_TARGET_MS} ms`, met: rounds.value < IN_PROCESS_TARGET_MS },
        },
        rounds,
        'new Hono app to first answer',
      ),
    );
  }
  return figures;
}
