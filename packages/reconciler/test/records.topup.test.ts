/**
 * Top-ups against the eSIM Access mock over loopback: what `recordTopUp` tells the store, and what a sync makes of
 * a top-up the store was told of, told of late, or never told of.
 */
import type { EsimAccessPackage, EsimAccessTopUpObj } from '@esim-sandbox/core';
import { InvalidArgumentError } from '@esim-sandbox/core';
import { isDayPass } from '@esim-sandbox/esimaccess-mock';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { recordTopUp } from '../src/records/records.js';
import { driftFindings, ledgerEntries, profiles } from '../src/store/schema.js';
import { orderEsims, profilesOf } from './helpers/e2e-app.js';
import { mockEsimView, storeEsimView } from './helpers/e2e-views.js';
import { ESIM_ACCOUNT, useWorld } from './helpers/e2e-world.js';
import { useStore } from './helpers/store.js';

const MINUTE = 60_000;
const getStore = useStore();
const env = useWorld(getStore, 'topups');
const { step, sync } = env;

const locations = (pkg: EsimAccessPackage) =>
  pkg.location
    .split(',')
    .map((code) => code.trim())
    .sort()
    .join(',');

/** A profile of an activate-on-use package of a week or more that has top-ups, bought and recorded by the app. */
async function boughtProfile(): Promise<string> {
  const topUps = (await env.world().esimClient.listPackages({ type: 'TOPUP' })).filter((p) => !isDayPass(p));
  const pkg = (await env.world().esimClient.listPackages()).find(
    (p) =>
      !isDayPass(p) &&
      p.activeType === 2 &&
      p.duration >= 7 &&
      p.supportTopUpType !== 1 &&
      topUps.some((t) => locations(t) === locations(p)),
  );
  if (!pkg) throw new Error('the catalogue has no activate-on-use package with top-ups');
  const { orderNo } = await orderEsims(env.world(), getStore(), pkg, 1);
  await env.world().esimControl.advance(5_000);
  const [esimTranNo] = await profilesOf(env.world(), orderNo);
  return esimTranNo!;
}

let transactions = 0;

/** Tops the profile up through the client, as the app does. */
async function topUp(esimTranNo: string): Promise<{ result: EsimAccessTopUpObj; price: number }> {
  const { iccid } = env.world().esimControl.profile(esimTranNo);
  const [pkg] = (await env.world().esimClient.listPackages({ type: 'TOPUP', iccid })).filter(
    (p) => !isDayPass(p),
  );
  if (!pkg) throw new Error(`no top-up fits ${esimTranNo}`);
  const transactionId = `topup-${++transactions}`;
  const result = await env
    .world()
    .esimClient.topUp({ esimTranNo, packageCode: pkg.packageCode, transactionId });
  await env.world().esimControl.advance(MINUTE);
  return { result, price: pkg.price };
}

async function record(esimTranNo: string, topped: { result: EsimAccessTopUpObj; price: number }) {
  await recordTopUp(getStore(), {
    accountId: ESIM_ACCOUNT,
    transactionId: topped.result.transactionId,
    esimTranNo,
    amount: topped.price,
    result: topped.result,
  });
}

const lifecycles: [string, (id: string) => Promise<void>][] = [
  ['new', async () => {}],
  [
    'in use',
    async (id) => {
      await step(() => env.world().esimControl.installProfile(id));
      await step(() => env.world().esimControl.addUsage(id, 1_000_000));
    },
  ],
  [
    'used up',
    async (id) => {
      await step(() => env.world().esimControl.installProfile(id));
      await step(() => env.world().esimControl.addUsage(id, env.world().esimControl.profile(id).totalVolume));
    },
  ],
];

/** The ledger's entries for one top-up, by amount. */
async function spendsOf(transactionId: string) {
  const rows = await getStore()
    .db.select()
    .from(ledgerEntries)
    .where(eq(ledgerEntries.entryKey, `topup:${transactionId}`));
  return rows.map((e) => e.amount);
}

async function profileFindings(runId: number) {
  const rows = await getStore().db.select().from(driftFindings).where(eq(driftFindings.runId, runId));
  return rows.map((f) => [f.kind, f.subjectType, f.subjectId, f.field, f.storeValue, f.providerValue]);
}

describe('top-ups', () => {
  it.each(lifecycles)(
    'a recorded top-up of a %s profile leaves nothing for the next sync to find',
    async (_name, lifecycle) => {
      const id = await boughtProfile();
      await lifecycle(id);
      await sync();
      const before = env.world().esimControl.profile(id);
      const topped = await topUp(id);
      expect(topped.result.totalVolume).toBeGreaterThan(before.totalVolume);
      await record(id, topped);

      const [row] = await getStore().db.select().from(profiles).where(eq(profiles.esimTranNo, id));
      expect(row).toMatchObject({
        totalVolume: topped.result.totalVolume,
        totalDuration: topped.result.totalDuration,
        expiredTime: topped.result.expiredTime,
      });
      expect((await sync()).findings).toEqual({});
      expect(await storeEsimView(getStore(), ESIM_ACCOUNT)).toEqual(
        mockEsimView(env.world().esimControl.state()),
      );
    },
  );

  it('records a top-up once, however often the app records it', async () => {
    const id = await boughtProfile();
    await sync();
    const topped = await topUp(id);
    await record(id, topped);
    await record(id, topped);
    expect(await spendsOf(topped.result.transactionId)).toEqual([-topped.price]);
    expect((await sync()).findings).toEqual({});
  });

  it('reports a top-up the store was never told of as unknown to us, and its cost as a balance mismatch', async () => {
    const id = await boughtProfile();
    await step(() => env.world().esimControl.installProfile(id));
    await step(() => env.world().esimControl.addUsage(id, 1_000_000));
    await sync();
    const before = env.world().esimControl.profile(id);
    const topped = await topUp(id);

    const result = await sync();
    expect(result.findings).toEqual({ unknown_to_us: 1, balance_mismatch: 1 });
    expect(await profileFindings(result.runId)).toContainEqual([
      'unknown_to_us',
      'profile',
      id,
      'topUp',
      `${before.totalVolume}/${before.totalDuration}`,
      `${topped.result.totalVolume}/${topped.result.totalDuration}`,
    ]);
    expect(await storeEsimView(getStore(), ESIM_ACCOUNT)).toEqual(
      mockEsimView(env.world().esimControl.state()),
    );
    expect((await sync()).findings).toEqual({});
  });

  it('resolves that finding when the app records the top-up after the sync, and the ledger stays whole', async () => {
    const id = await boughtProfile();
    await sync();
    const topped = await topUp(id);
    const found = await sync();
    expect(found.findings).toEqual({ unknown_to_us: 1, balance_mismatch: 1 });

    await record(id, topped);
    const [finding] = await getStore()
      .db.select()
      .from(driftFindings)
      .where(eq(driftFindings.field, 'topUp'));
    expect(finding).toMatchObject({ runId: found.runId, resolution: 'recorded by the app' });
    expect(finding?.resolvedAt).toBeInstanceOf(Date);
    expect(await spendsOf(topped.result.transactionId)).toEqual([-topped.price]);
    // The balance check of the sync that found the top-up already counted its cost.
    expect((await sync()).findings).toEqual({});
  });

  it.each([
    ['amount', { amount: -1 }],
    [
      'result.totalVolume',
      { result: { totalVolume: 1.5, totalDuration: 7, expiredTime: '', orderUsage: 0 } },
    ],
    [
      'result.expiredTime',
      { result: { totalVolume: 1, totalDuration: 7, expiredTime: 'soon', orderUsage: 0 } },
    ],
  ])('refuses a bad %s with an error naming it', async (field, patch) => {
    const input = {
      accountId: ESIM_ACCOUNT,
      transactionId: 'topup-bad',
      esimTranNo: '25091110000001',
      amount: 10_000,
      result: { totalVolume: 1, totalDuration: 7, expiredTime: '2025-10-11T10:00:00+0000', orderUsage: 0 },
      ...patch,
    };
    const error = await recordTopUp(getStore(), input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ field });
  });
});
