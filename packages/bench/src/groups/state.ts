/**
 * @module
 * Figure group 3, state size: reset, snapshot, restore, a state-file save and heap per profile, each at the two
 * state sizes so the table shows how they grow (linear growth = the per-profile figures stay level).
 * Baselines: a reset of an empty account; structuredClone of the same provider state (the floor of any deep copy);
 * JSON.stringify plus a plain file write of the same state; the state's JSON size per profile.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEsimAccessMock } from '@esim-sandbox/esimaccess-mock';
import { type Figure, figure } from '../support/figures.js';
import { seedEsimAccessProfiles } from '../support/seed.js';
import type { BenchSettings } from '../support/settings.js';
import { median, medianMs, settledHeapBytes } from '../support/stats.js';

const RESET_TARGET_MS = 20;
const RUNS = 5;

export async function stateFigures(settings: BenchSettings, log: (line: string) => void): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'esim-bench-'));
  const mock = createEsimAccessMock({ seed: 'bench', balance: 1e12, rateLimit: null, clock: 'manual' });
  const tenant = mock.emulator.defaultAccount;
  const empty = mock.emulator.createAccount();
  // Every code path (and its lazily built data) runs once on another account before the heap is read, so the
  // per-profile figure is the profiles' own cost.
  const warm = mock.emulator.createAccount();
  await seedEsimAccessProfiles(mock, 60, warm.key);
  warm.journal.clear();
  tenant.journal.clear();
  const heapBefore = settledHeapBytes();
  const figures: Figure[] = [];
  let seeded = 0;
  try {
    for (const size of settings.sizes) {
      log(`state: seeding up to ${size} profiles`);
      await seedEsimAccessProfiles(mock, size - seeded);
      seeded = size;
      const label = `${size.toLocaleString('en-US')} profiles`;
      // Only the profiles' share of the heap: the journal (500 recent requests) is observation, not state.
      tenant.journal.clear();
      const heapPerProfile = (settledHeapBytes() - heapBefore) / size;
      const jsonPerProfile = JSON.stringify(tenant.state).length / size;

      const snapshot = tenant.snapshot();
      const cloneMs = await medianMs(() => structuredClone(tenant.state), RUNS);
      const snapshotMs = await medianMs(() => tenant.snapshot(), RUNS);
      const restoreMs = await medianMs(() => tenant.restore(snapshot), RUNS);
      const resetSamples: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        tenant.restore(snapshot);
        const started = performance.now();
        tenant.reset();
        resetSamples.push(performance.now() - started);
      }
      const resetMs = median(resetSamples);
      tenant.restore(snapshot);
      const controlResetSamples: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        tenant.restore(snapshot);
        const started = performance.now();
        const res = await mock.emulator.request('/_sandbox/accounts/default/reset', { method: 'POST' });
        await res.arrayBuffer();
        controlResetSamples.push(performance.now() - started);
      }
      tenant.restore(snapshot);
      const emptyResetMs = await medianMs(() => empty.reset(), RUNS);

      // A state file: the same account restored into a mock that saves to disk.
      const file = join(dir, `state-${size}.json`);
      const saving = createEsimAccessMock({ seed: 'bench', clock: 'manual', stateFile: file });
      saving.emulator.defaultAccount.restore(snapshot);
      const saveMs = await medianMs(async () => {
        saving.emulator.defaultAccount.markChanged();
        await saving.emulator.persist();
      }, RUNS);
      await saving.close();
      const plainWriteMs = await medianMs(
        () => writeFile(join(dir, 'plain.json'), JSON.stringify(snapshot)),
        RUNS,
      );

      const row = (
        name: string,
        value: number,
        baseline: { name: string; value: number },
        extra?: Partial<Figure>,
      ) =>
        figures.push(
          figure({
            group: 3,
            name: `${name}, ${label}`,
            value,
            unit: 'ms',
            higherIsBetter: false,
            baseline,
            ...extra,
          }),
        );
      row(
        'reset (control handle)',
        resetMs,
        { name: 'reset of an empty account', value: emptyResetMs },
        {
          target: { text: `< ${RESET_TARGET_MS} ms`, met: resetMs < RESET_TARGET_MS },
        },
      );
      row(
        'reset (POST /_sandbox/accounts/default/reset, in process)',
        median(controlResetSamples),
        { name: 'reset of an empty account', value: emptyResetMs },
        { target: { text: `< ${RESET_TARGET_MS} ms`, met: median(controlResetSamples) < RESET_TARGET_MS } },
      );
      row(
        'snapshot',
        snapshotMs,
        { name: 'structuredClone of the provider state', value: cloneMs },
        {
          details: { 'per profile': `${((snapshotMs / size) * 1000).toFixed(2)} µs` },
        },
      );
      row(
        'restore',
        restoreMs,
        { name: 'structuredClone of the provider state', value: cloneMs },
        {
          details: { 'per profile': `${((restoreMs / size) * 1000).toFixed(2)} µs` },
        },
      );
      row('state file save (atomic, fsync)', saveMs, {
        name: 'JSON.stringify + plain writeFile',
        value: plainWriteMs,
      });
      figures.push(
        figure({
          group: 3,
          name: `heap per profile, ${label}`,
          value: heapPerProfile,
          unit: 'B/profile',
          higherIsBetter: false,
          baseline: { name: "the state's JSON per profile", value: jsonPerProfile },
          details: { total: `${((heapPerProfile * size) / 2 ** 20).toFixed(1)} MB` },
        }),
      );
    }
  } finally {
    await mock.close();
    await rm(dir, { recursive: true, force: true });
  }
  return figures;
}
