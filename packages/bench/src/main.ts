/**
 * @module
 * `pnpm bench`: measures every figure of the benchmark issue against a baseline taken in the same run, prints one
 * Markdown table and writes bench-results/bench.json. Loopback only; every figure is bounded in time or count.
 *
 * Flags: `--quick` (small sizes, short loads, 3 rounds: a smoke run), `--rounds N` (alternating rounds per figure),
 * `--only 1,fanout` (figure groups, by number or name), `--figure TEXT` (only figures whose name contains it),
 * `--webhook-concurrency N`, `--out FILE`, `--reconciler-sizes 10000,100000` (the reconciler's sync at 8 requests/s
 * takes ~14 s per 1,000 profiles). Exits 1 when a group failed or a checked fact (e.g. zero lost webhooks) did not
 * hold.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dashboardFigures } from './groups/dashboard.js';
import { fanOutFigures } from './groups/fanout.js';
import { httpFigures } from './groups/http.js';
import { mswFigures } from './groups/msw.js';
import { perTestFigures } from './groups/per-test.js';
import { reconcilerFigures } from './groups/reconciler.js';
import { startupFigures } from './groups/startup.js';
import { stateFigures } from './groups/state.js';
import { repoRoot } from './support/build.js';
import { type Figure, failedChecks, unavailable } from './support/figures.js';
import { type BenchRun, renderFooter, renderTable, writeJson } from './support/report.js';
import { type BenchSettings, FULL, QUICK } from './support/settings.js';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    quick: { type: 'boolean', default: false },
    rounds: { type: 'string' },
    only: { type: 'string' },
    figure: { type: 'string' },
    'webhook-concurrency': { type: 'string' },
    'reconciler-sizes': { type: 'string' },
    out: { type: 'string', default: resolve(repoRoot, 'bench-results/bench.json') },
  },
});

const settings: BenchSettings = { ...(values.quick ? QUICK : FULL), out: values.out };

function wholeNumber(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`--${flag}: a whole number >= 1, got ${text}\n`);
    process.exit(2);
  }
  return n;
}
if (values.rounds) settings.rounds = wholeNumber('rounds', values.rounds);
if (values['webhook-concurrency']) {
  settings.webhookConcurrency = wholeNumber('webhook-concurrency', values['webhook-concurrency']);
}
if (values.figure) settings.figure = values.figure;
if (values['reconciler-sizes']) {
  const sizes = values['reconciler-sizes'].split(',').map(Number);
  if (sizes.length !== 2 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    process.stderr.write('--reconciler-sizes: two whole numbers, e.g. 10000,100000\n');
    process.exit(2);
  }
  settings.reconcilerSizes = [sizes[0]!, sizes[1]!];
}
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/** Figure group number, name (for `--only`) and runner. */
const groups: [number, string, (s: BenchSettings, log: (line: string) => void) => Promise<Figure[]>][] = [
  [1, 'http', httpFigures],
  [2, 'msw', mswFigures],
  [3, 'startup', startupFigures],
  [3, 'state', stateFigures],
  [4, 'fanout', fanOutFigures],
  [5, 'reconciler', reconcilerFigures],
  [6, 'per-test', perTestFigures],
  [7, 'dashboard', dashboardFigures],
];
const only = values.only ? new Set(values.only.split(',').map((g) => g.trim())) : undefined;
const unknown = [...(only ?? [])].filter((g) => !groups.some(([n, name]) => g === String(n) || g === name));
if (unknown.length > 0) {
  process.stderr.write(
    `--only: no group ${unknown.join(', ')}; groups: ${groups.map(([n, name]) => `${n} ${name}`).join(', ')}\n`,
  );
  process.exit(2);
}

const started = Date.now();
// Other work on the machine moves absolute numbers (less so the same-run ratios): the table says how busy it was.
const loadAtStart = loadavg()[0] ?? 0;
const figures: Figure[] = [];
let groupsFailed = 0;
for (const [group, groupName, run] of groups) {
  if (only && !only.has(String(group)) && !only.has(groupName)) continue;
  log(`group ${group} (${groupName})`);
  try {
    figures.push(...(await run(settings, log)));
  } catch (error) {
    // One failing group must not cost the others' figures: it shows as a row saying why.
    log(`group ${group} failed: ${(error as Error).stack ?? String(error)}`);
    groupsFailed++;
    figures.push(unavailable(group, `figure group ${group} (${run.name})`, 'ms', (error as Error).message));
  }
}

const run: BenchRun = {
  startedAt: new Date(started).toISOString(),
  durationS: (Date.now() - started) / 1000,
  machine: {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    totalMemMB: Math.round(totalmem() / 2 ** 20),
    loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0] ?? 0 },
  },
  settings: { ...settings },
  figures,
};
await writeJson(settings.out, run);
process.stdout.write(`\n${renderTable(figures)}\n\n${renderFooter(run, settings.out)}\n`);
const failed = figures.flatMap((f) => failedChecks(f).map((check) => `${f.name}: ${check}`));
for (const line of failed) process.stderr.write(`[bench] CHECK FAILED: ${line}\n`);
if (groupsFailed > 0 || failed.length > 0) process.exitCode = 1;
