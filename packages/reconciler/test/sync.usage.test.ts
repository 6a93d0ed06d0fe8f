/**
 * Which profiles the sync asks `esim/usage/query` about: only those whose state says they may have used data. A
 * profile never activated has used none (NOTES 1.4: New and Onboard have orderUsage 0), and its figures come from
 * the listing, with the same drift as the usage query would have given.
 */
import type { EsimAccessProfile } from '@esim-sandbox/core';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { driftFindings, profiles } from '../src/store/schema.js';
import { syncAccount } from '../src/sync/engine.js';
import { createWebhookReceiver } from '../src/webhooks/route.js';
import { esimAccessClient } from './helpers/sync.js';
import { useFakeEsimAccess } from './helpers/use-fake-esimaccess.js';
import { deliver, smdpEvent } from './helpers/webhooks.js';

const { getStore, fake } = useFakeEsimAccess();

const sync = () =>
  syncAccount(getStore(), { provider: 'esimaccess', accountId: 'esimaccess', client: esimAccessClient() });

const askedUsageOf = () =>
  fake()
    .requests.filter((r) => r.endpoint === 'queryUsage')
    .flatMap((r) => r.body.esimTranNoList as string[])
    .sort();

async function findings(runId: number) {
  const rows = await getStore().db.select().from(driftFindings).where(eq(driftFindings.runId, runId));
  return rows.map((f) => [f.kind, f.subjectId, f.field, f.storeValue, f.providerValue]).sort();
}

/** One profile per state, as the provider's table allows them. */
const STATES: [string, string, boolean][] = [
  ['GOT_RESOURCE', 'RELEASED', false],
  ['GOT_RESOURCE', 'DOWNLOAD', false],
  ['GOT_RESOURCE', 'ENABLED', false],
  ['CANCEL', 'RELEASED', false],
  ['UNUSED_EXPIRED', 'RELEASED', false],
  ['IN_USE', 'ENABLED', true],
  ['USED_UP', 'ENABLED', true],
  ['SUSPENDED', 'ENABLED', true],
  ['USED_EXPIRED', 'DISABLED', true],
];

function profilesInEveryState(): EsimAccessProfile[] {
  const list = fake().addOrder(STATES.length);
  STATES.forEach(([esimStatus, smdpStatus], i) => {
    Object.assign(fake().profile(list[i]!.esimTranNo), { esimStatus, smdpStatus });
  });
  return list;
}

describe('usage queries', () => {
  it('ask only about profiles whose state says they may have used data', async () => {
    const list = profilesInEveryState();
    await sync();
    expect(askedUsageOf()).toEqual(list.filter((_p, i) => STATES[i]![2]).map((p) => p.esimTranNo));
  });

  it('report usage drift of a never-activated profile from the listing, as the usage query would', async () => {
    const [p] = fake().addOrder(1);
    Object.assign(fake().profile(p!.esimTranNo), { smdpStatus: 'DOWNLOAD' });
    // The store first hears of the profile from its download event, which carries no volume.
    const receiver = createWebhookReceiver(getStore());
    const app = new Hono().route('/hook', receiver.app);
    const ref = { orderNo: p!.orderNo, esimTranNo: p!.esimTranNo, iccid: p!.iccid, transactionId: 'txn-1' };
    await deliver(app, smdpEvent(ref, 'GOT_RESOURCE', 'DOWNLOAD', 1), '/hook');
    await receiver.drain();
    await receiver.close();

    const result = await sync();
    expect(await findings(result.runId)).toEqual([
      ['usage_mismatch', p!.esimTranNo, 'totalVolume', null, '1073741824'],
    ]);
    expect(askedUsageOf()).toEqual([]);
    const [row] = await getStore().db.select().from(profiles).where(eq(profiles.esimTranNo, p!.esimTranNo));
    expect(row).toMatchObject({ totalVolume: 1_073_741_824, orderUsage: 0 });
  });

  it('ask again once the profile is activated', async () => {
    const [p] = fake().addOrder(1);
    await sync();
    expect(askedUsageOf()).toEqual([]);
    Object.assign(fake().profile(p!.esimTranNo), {
      esimStatus: 'IN_USE',
      smdpStatus: 'ENABLED',
      orderUsage: 7,
    });
    const result = await sync();
    expect(askedUsageOf()).toEqual([p!.esimTranNo]);
    expect(await findings(result.runId)).toEqual([
      ['missed_webhook', p!.esimTranNo, 'state', 'GOT_RESOURCE/RELEASED', 'IN_USE/ENABLED'],
      ['usage_mismatch', p!.esimTranNo, 'orderUsage', '0', '7'],
    ]);
  });
});
