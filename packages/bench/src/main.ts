/**
 * @module
 * `pnpm bench`: measures every figure of the benchmark issue against a baseline taken in the same run, prints one
 * Markdown table and writes bench-results/bench.json. Loopback only; every figure is bounded in time or count.
 *
 * Flags: `--quick` (small sizes, 1 s loads: a smoke run), `--only 1,3` (figure groups), `--out FILE`,
 * `--reconciler-sizes 10000,100000` (the reconciler's sync at 8 requests/s takes ~14 s per 1,000 profiles).
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dashboardFigures } from './groups/dashboard.js';
import { fanOutFigures } from './groups/fanout.js';
import { httpFigures } from './groups/http.js';
import { mswFigures } from './groups/msw.js';
import { reconcilerFigures } from './groups/reconciler.js';
import { startupFigures } from './groups/startup.js';
import { stateFigures } from './groups/state.js';
import { repoRoot } from './support/build.js';
import { type Figure, unavailable } from './support/figures.js';
import { type BenchRun, renderTable, writeJson } from './support/report.js';
import { type BenchSettings, FULL, QUICK } from './support/settings.js';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    'reconciler-sizes': { type: 'string' },
    out: { type: 'string', default: resolve(repoRoot, 'bench-results/bench.json') },
  },
});

const settings: BenchSettings = { ...(values.quick ? QUICK : FULL), out: values.out };
if (values['reconciler-sizes']) {
  const sizes = values['reconciler-sizes'].split(',').map(Number);
  if (sizes.length !== 2 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    process.stderr.write('--reconciler-sizes: two whole numbers, e.g. 10000,100000\n');
    process.exit(2);
  }
  settings.reconcilerSizes = [sizes[0]!, sizes[1]!];
}
const only = values.only ? new Set(values.only.split(',').map((g) => Number(g.trim()))) : undefined;
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

const groups: [number, (s: BenchSettings, log: (line: string) => void) => Promise<Figure[]>][] = [
  [1, httpFigures],
  [2, mswFigures],
  [3, startupFigures],
  [3, stateFigures],
  [4, fanOutFigures],
  [5, reconcilerFigures],
  [6, dashboardFigures],
];

const started = Date.now();
// Other work on the machine moves absolute numbers (less so the same-run ratios): the table says how busy it was.
const loadAtStart = loadavg()[0] ?? 0;
const figures: Figure[] = [];
for (const [group, run] of groups) {
  if (only && !only.has(group)) continue;
  log(`group ${group}`);
  try {
    figures.push(...(await run(settings, log)));
  } catch (error) {
    // One failing group must not cost the others' figures: it shows as a row saying why.
    log(`group ${group} failed: ${(error as Error).stack ?? String(error)}`);
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
process.stdout.write(
  `\n${renderTable(figures)}\n\n${run.machine.cores} cores (${run.machine.cpu}), Node ${run.machine.node}, ` +
    `load average ${loadAtStart.toFixed(1)} at start and ${run.machine.loadAverage.atEnd.toFixed(1)} at the end, ` +
    `${run.durationS.toFixed(0)} s; JSON: ${settings.out}\n`,
);
