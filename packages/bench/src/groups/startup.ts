/**
 * @module
 * Figure group 3, start-up: from spawning each fake's CLI (`node --import tsx src/bin.ts --port 0`, as the READMEs
 * start it) to its `listening on` line, against a bare Hono server started the same way; and in process, from
 * `createXMock()` to the first answered request, against a bare Hono app's first answer.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEsimAccessMock } from '@esim-sandbox/esimaccess-mock';
import { createIroamlyMock } from '@esim-sandbox/iroamly-mock';
import { Hono } from 'hono';
import { bundle, repoRoot } from '../support/build.js';
import { type Figure, figure } from '../support/figures.js';
import { esimAccessScenario, iroamlyScenario, requestInit, type Scenario } from '../support/requests.js';
import type { BenchSettings } from '../support/settings.js';
import { spawnListening } from '../support/spawn.js';
import { median } from '../support/stats.js';

const binOf = (pkg: string) =>
  fileURLToPath(new URL('./bin.ts', import.meta.resolve(`@esim-sandbox/${pkg}`)));
const BARE_SERVER = fileURLToPath(new URL('../baseline/bare-server.ts', import.meta.url));
const CLI_TARGET_MS = 500;

/** Median spawn-to-listening time over `runs` spawns (one unmeasured spawn first fills tsx's transform cache). */
async function cliStartupMs(script: string, runs: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const running = await spawnListening(script, ['--port', '0']);
    await running.stop();
    if (i > 0) samples.push(running.startupMs);
  }
  return median(samples);
}

async function inProcessMs(start: () => Promise<unknown>, runs: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    await start();
    if (i > 0) samples.push(performance.now() - started);
  }
  return median(samples);
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
  const runs = settings.cliRuns;
  const clis = [
    ['eSIM Access', 'esimaccess-mock'],
    ['iRoamly', 'iroamly-mock'],
  ] as const;
  log('start-up: building CLI bundles');
  const built = join(repoRoot, 'bench-results/build');
  const bareBundle = await bundle(BARE_SERVER, join(built, 'bare-server.mjs'));
  const bundles = new Map<string, string>();
  for (const [, pkg] of clis) bundles.set(pkg, await bundle(binOf(pkg), join(built, `${pkg}.mjs`)));

  log('start-up: CLIs');
  const figures: Figure[] = [];
  for (const launcher of ['tsx', 'bundle'] as const) {
    const bare = await cliStartupMs(launcher === 'tsx' ? BARE_SERVER : bareBundle, runs);
    for (const [name, pkg] of clis) {
      const script = launcher === 'tsx' ? binOf(pkg) : bundles.get(pkg)!;
      const ms = await cliStartupMs(script, runs);
      const how = launcher === 'tsx' ? 'node --import tsx src/bin.ts' : 'node <esbuild bundle>';
      figures.push(
        figure({
          group: 3,
          name: `${name} CLI (${how}): spawn to 'listening on', median of ${runs}`,
          value: ms,
          unit: 'ms',
          higherIsBetter: false,
          baseline: { name: 'bare Hono server, same launcher', value: bare },
          target: { text: `< ${CLI_TARGET_MS} ms`, met: ms < CLI_TARGET_MS },
        }),
      );
    }
  }

  log('start-up: in process');
  const balance = esimAccessScenario('balance', 'balance/query', {});
  const bareMs = await inProcessMs(() => bareFirstAnswer(balance), runs);
  const eaMs = await inProcessMs(async () => {
    const mock = createEsimAccessMock({ clock: 'manual' });
    const credentials = { key: mock.accessCode, secret: mock.secretKey };
    const res = await mock.fetch(
      new Request(`http://bench.local${balance.path}`, requestInit(balance, credentials)),
    );
    if (!(await res.text()).includes(balance.expect)) throw new Error('eSIM Access: first request refused');
    await mock.close();
  }, runs);
  const regions = iroamlyScenario('plans', '/openapi/codeQuery', { orderId: 'none' });
  const iroamlyMs = await inProcessMs(async () => {
    const mock = createIroamlyMock({ clock: 'manual' });
    const credentials = { key: mock.authKey, secret: mock.authSecret };
    // An unknown order is a complete authenticated round trip (auth, validation, lookup, answer).
    const res = await mock.fetch(
      new Request(`http://bench.local${regions.path}`, requestInit(regions, credentials)),
    );
    if (!(await res.text()).includes('"code":')) throw new Error('iRoamly: first request unanswered');
    await mock.close();
  }, runs);
  for (const [name, ms] of [
    ['createEsimAccessMock() to first answered request', eaMs],
    ['createIroamlyMock() to first answered request', iroamlyMs],
  ] as const) {
    figures.push(
      figure({
        group: 3,
        name: `in process: ${name} (median of ${runs})`,
        value: ms,
        unit: 'ms',
        higherIsBetter: false,
        baseline: { name: 'new Hono app to first answer', value: bareMs },
      }),
    );
  }
  return figures;
}
