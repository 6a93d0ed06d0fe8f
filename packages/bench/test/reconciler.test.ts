/**
 * Figure group 5 on rounds (issue #20): the smaller size's rows are alternating rounds (bare engine, then sync), its
 * figures their medians with the spread; the larger size is one reading.
 */
import { describe, expect, it } from 'vitest';
import { type SyncRow, syncFigures } from '../src/groups/reconciler.js';

const MiB = 2 ** 20;

function row(profiles: number, wallS: number, peakMiB: number, bareMiB: number): SyncRow {
  return {
    profiles,
    wallMs: wallS * 1000,
    requests: 13,
    rateLimitLowerBoundMs: 2000,
    profilesPerSecond: Math.round(profiles / wallS),
    peakRssBytes: peakMiB * MiB,
    bareEngineRssBytes: bareMiB * MiB,
    peakHeapUsedBytes: 40 * MiB,
    storedProfiles: profiles,
    store: 'pglite',
  };
}

const rows = [row(500, 3, 330, 300), row(500, 2, 300, 300), row(500, 4, 360, 300), row(2000, 5, 400, 310)];
const byName = (name: string) => {
  const f = syncFigures(rows, 500).find((each) => each.name === name);
  if (!f) throw new Error(`no figure named ${name}`);
  return f;
};

describe('the reconciler figures', () => {
  it('take the sync time at the smaller size over the floor as the median of the per-round ratios, with the spread', () => {
    const f = byName('reconciler: full eSIM Access sync over HTTP, 500 profiles (pglite)');
    expect(f).toMatchObject({ value: 3, baseline: { value: 2 }, ratio: 1.5 });
    expect(f.rounds).toMatchObject({ count: 3, ratios: [1.5, 1, 2], min: 1, max: 2, stable: false });
    expect(f.target).toEqual({ text: '<= 1.2x the floor', met: false });
  });

  it('take peak RSS over the bare engine at the smaller size from the rounds, each sync against the engine before it', () => {
    const f = byName('reconciler: sync peak RSS over the bare engine, 500 profiles (pglite)');
    expect(f.rounds).toMatchObject({ count: 3, ratios: [1.1, 1, 1.2], min: 1, max: 1.2 });
    expect(f.ratio).toBeCloseTo(1.1);
    expect(f.target).toEqual({ text: '<= 1.2x the bare engine', met: true });
  });

  it('read the larger size once, its peak RSS against the median of the smaller size’s', () => {
    const sync = byName('reconciler: full eSIM Access sync over HTTP, 2,000 profiles (pglite)');
    expect(sync.rounds).toBeUndefined();
    expect(sync.ratio).toBe(2.5);
    const flat = byName('reconciler: sync peak RSS, 2,000 profiles');
    expect(flat).toMatchObject({ value: 400, baseline: { value: 330 } });
    expect(flat.rounds).toBeUndefined();
    expect(flat.target).toEqual({ text: 'flat: <= 1.25x', met: true });
    expect(byName('reconciler: sync peak RSS, 500 profiles').rounds).toMatchObject({ count: 3, value: 330 });
  });
});
