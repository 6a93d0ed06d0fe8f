/**
 * @module
 * Figure group 3, state size: reset, snapshot, restore, a state-file save and heap per profile, each at the two
 * state sizes and at three times the larger one, so the table shows how they grow (linear growth = the per-profile
 * figures stay level). Baselines, each sample right after its figure's (alternating rounds): a reset of an empty
 * account; structuredClone of the same provider state (the engine's copy before it had its own); JSON.stringify
 * plus a plain file write of the same state. Heap per profile is one reading, against the state's JSON size.
 *
 * Fair at every size: each size is a fresh account seeded the same way (not the smaller one's restored copy plus
 * more), the code paths have run on a warm-up account first, and every timed sample starts after a full collection,
 * so one sample's garbage is not collected in the next one's timed region (the collections an operation causes
 * itself stay in it: they are its cost).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEsimAccessMock, type EsimAccessMock } from '@esim-sandbox/esimaccess-mock';
import { type Figure, figure, roundsFigure } from '../support/figures.js';
import { alternate, type RoundsSummary, summarise } from '../support/rounds.js';
import { seedEsimAccessProfiles } from '../support/seed.js';
import type { BenchSettings } from '../support/settings.js';
import { median, settledHeapBytes, timeMs } from '../support/stats.js';

const RESET_TARGET_MS = 20;
const QUIET_MS = 100;

type Account = EsimAccessMock['emulator']['defaultAccount'];

interface SizeReading {
  heapPerProfile: number;
  jsonPerProfile: number;
  snapshot: Paired;
  restore: Paired;
  reset: Paired;
  controlReset: Paired;
  save: Paired;
}

export async function stateFigures(settings: BenchSettings, log: (line: string) => void): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'esim-bench-'));
  const mock = createEsimAccessMock({ seed: 'bench', balance: 1e12, rateLimit: null, clock: 'manual' });
  const figures: Figure[] = [];
  try {
    // Every code path (and its lazily built data) runs once before anything is read.
    log('state: warming up');
    await measureSize(mock, 500, dir, 1);
    const sizes = [...settings.sizes, settings.sizes[1] * 3];
    for (const size of sizes) {
      log(`state: ${size} profiles`);
      const r = await measureSize(mock, size, dir, settings.rounds);
      figures.push(...sizeFigures(size, r));
    }
  } finally {
    await mock.close();
    await rm(dir, { recursive: true, force: true });
  }
  return figures;
}

async function measureSize(
  mock: EsimAccessMock,
  size: number,
  dir: string,
  rounds: number,
): Promise<SizeReading> {
  const empty = mock.emulator.createAccount();
  const account = mock.emulator.createAccount();
  await seedEsimAccessProfiles(mock, size, account.key);
  // Only the profiles' share of the heap: the journal (500 recent requests) is observation, not state.
  account.journal.clear();
  // What the account's state holds: the heap with it minus the heap once a reset dropped it. Code compiled and
  // caches built while seeding are in both readings and cancel out, which a reading taken before seeding did not do
  // (it counted ~1 MB of them against a 1,000-profile account, ±500 B a profile). Read before any snapshot: copying
  // and serialising change how V8 holds the strings, and a live account is what is measured.
  const withState = await quietHeapBytes();
  const saved = savedBytes(account);
  account.reset();
  const heapPerProfile = (withState - (await quietHeapBytes())) / size;
  const snapshot = JSON.parse(saved.toString('utf8')) as ReturnType<Account['snapshot']>;
  account.restore(snapshot);
  const jsonPerProfile = JSON.stringify(account.state).length / size;

  const clone = sampler(() => structuredClone(account.state));
  const emptyReset = sampler(() => empty.reset());
  const restoreIt = () => account.restore(snapshot);
  const snapshotTime = await paired(
    rounds,
    sampler(() => account.snapshot()),
    clone,
  );
  const restore = await paired(rounds, sampler(restoreIt), clone);
  const reset = await paired(
    rounds,
    sampler(() => account.reset(), restoreIt),
    emptyReset,
  );
  const controlReset = await paired(
    rounds,
    sampler(async () => {
      const res = await mock.emulator.request(`/_sandbox/accounts/${account.key}/reset`, { method: 'POST' });
      await res.arrayBuffer();
    }, restoreIt),
    emptyReset,
  );

  // A state file: the same account restored into a mock that saves to disk.
  const file = join(dir, `state-${size}.json`);
  const saving = createEsimAccessMock({ seed: 'bench', clock: 'manual', stateFile: file });
  saving.emulator.defaultAccount.restore(snapshot);
  const save = await paired(
    rounds,
    sampler(async () => {
      saving.emulator.defaultAccount.markChanged();
      await saving.emulator.persist();
    }),
    sampler(() => writeFile(join(dir, 'plain.json'), JSON.stringify(snapshot))),
  );
  await saving.close();
  mock.emulator.deleteAccount(account.id);
  mock.emulator.deleteAccount(empty.id);
  return { heapPerProfile, jsonPerProfile, snapshot: snapshotTime, restore, reset, controlReset, save };
}

/**
 * The heap after background work has landed (optimised code from the compiler's threads, finalisers) and a full
 * collection: read at once, those moved a 1,000-profile figure by ±250 B a profile, after a pause by ±20 B.
 */
async function quietHeapBytes(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  return settledHeapBytes();
}

/**
 * The account's snapshot as bytes outside the JS heap (so holding them does not move the second heap reading), in a
 * function of its own so that no temporary of the caller's frame keeps the snapshot alive.
 */
function savedBytes(account: Account): Buffer {
  return Buffer.from(JSON.stringify(account.snapshot()), 'utf8');
}

/** Wall and CPU time (this process's threads, the collector's helpers included; no time spent waiting for a core). */
interface Timing {
  ms: number;
  cpuMs: number;
}

/** The figure's rounds (wall ms against its baseline's) and the median CPU ms of the figure's own samples. */
interface Paired {
  rounds: RoundsSummary;
  cpuMs: number;
}

/** One timed sample of `fn`, starting after `prepare` (untimed) and a full collection. */
function sampler(fn: () => unknown, prepare?: () => unknown): () => Promise<Timing> {
  return async () => {
    await prepare?.();
    settledHeapBytes();
    const started = process.cpuUsage();
    const ms = await timeMs(fn);
    const used = process.cpuUsage(started);
    return { ms, cpuMs: (used.user + used.system) / 1000 };
  };
}

/** Alternating rounds of the figure and its baseline, after one untimed run of each. */
async function paired(
  rounds: number,
  fake: () => Promise<Timing>,
  baseline: () => Promise<Timing>,
): Promise<Paired> {
  await fake();
  await baseline();
  const samples = await alternate(rounds, fake, baseline);
  return {
    rounds: summarise(
      samples.fake.map((t) => t.ms),
      samples.baseline.map((t) => t.ms),
    ),
    cpuMs: median(samples.fake.map((t) => t.cpuMs)),
  };
}

function sizeFigures(size: number, r: SizeReading): Figure[] {
  const label = `${size.toLocaleString('en-US')} profiles`;
  const perProfile = (t: Paired) => ({
    'per profile': `${((t.rounds.value / size) * 1000).toFixed(2)} µs`,
    'CPU per profile': `${((t.cpuMs / size) * 1000).toFixed(2)} µs`,
  });
  const row = (name: string, t: Paired, baselineName: string, extra?: Partial<Figure>) =>
    roundsFigure(
      {
        group: 3,
        name: `${name}, ${label}`,
        unit: 'ms',
        higherIsBetter: false,
        details: perProfile(t),
        ...extra,
      },
      t.rounds,
      baselineName,
    );
  const emptyReset = 'reset of an empty account';
  const clone = 'structuredClone of the provider state';
  const underTarget = (t: Paired) => ({
    target: { text: `< ${RESET_TARGET_MS} ms`, met: t.rounds.value < RESET_TARGET_MS },
  });
  return [
    row('reset (control handle)', r.reset, emptyReset, underTarget(r.reset)),
    row(
      'reset (POST /_sandbox/accounts/:account/reset, in process)',
      r.controlReset,
      emptyReset,
      underTarget(r.controlReset),
    ),
    row('snapshot', r.snapshot, clone),
    row('restore', r.restore, clone),
    row('state file save (atomic, fsync)', r.save, 'JSON.stringify + plain writeFile'),
    figure({
      group: 3,
      name: `heap per profile, ${label}`,
      value: r.heapPerProfile,
      unit: 'B/profile',
      higherIsBetter: false,
      baseline: { name: "the state's JSON per profile", value: r.jsonPerProfile },
      details: { total: `${((r.heapPerProfile * size) / 2 ** 20).toFixed(1)} MB` },
    }),
  ];
}
