import { type EsimAccessProfile, type RateLimiter, SlidingWindowLimiter } from '@esim-sandbox/core';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { beforeEach, describe, expect, it } from 'vitest';
import { recordOrder } from '../src/records/record-order.js';
import { driftFindings, ledgerEntries, orders, profiles } from '../src/store/schema.js';
import { syncAccount } from '../src/sync/engine.js';
import type { SyncOptions } from '../src/sync/types.js';
import { createWebhookReceiver } from '../src/webhooks/route.js';
import { esimAccessHandlers, FakeEsimAccess } from './helpers/fake-esimaccess.js';
import { useMsw } from './helpers/msw.js';
import { useStore } from './helpers/store.js';
import { esimAccessClient } from './helpers/sync.js';
import { deliver, esimStatusEvent } from './helpers/webhooks.js';

const getStore = useStore();
const use = useMsw();
let fake: FakeEsimAccess;

beforeEach(() => {
  fake = new FakeEsimAccess();
  use(...esimAccessHandlers(fake));
});

const sync = (options: SyncOptions = {}, client = esimAccessClient()) =>
  syncAccount(getStore(), { provider: 'esimaccess', accountId: 'esimaccess', client }, options);

async function findings(runId: number) {
  const rows = await getStore().db.select().from(driftFindings).where(eq(driftFindings.runId, runId));
  return rows.map((f) => [f.kind, f.subjectType, f.subjectId, f.field, f.storeValue, f.providerValue]).sort();
}

async function storedProfile(esimTranNo: string) {
  const [row] = await getStore().db.select().from(profiles).where(eq(profiles.esimTranNo, esimTranNo));
  return row;
}

/** Installed and activated: only such profiles can have used data, so only they are asked for usage. */
function inUse(list: EsimAccessProfile[]): EsimAccessProfile[] {
  for (const p of list)
    Object.assign(fake.profile(p.esimTranNo), { esimStatus: 'IN_USE', smdpStatus: 'ENABLED' });
  return list;
}

const ledger = async () =>
  (await getStore().db.select().from(ledgerEntries)).map((e) => [e.entryKey, e.kind, e.amount]).sort();

describe('the eSIM Access sync', () => {
  it('learns every order and profile the provider has, each reported unknown to us', async () => {
    const a = fake.addOrder(2);
    const b = fake.addOrder(1);
    const result = await sync();
    expect(result.findings).toEqual({ unknown_to_us: 5 });
    const stored = await getStore().db.select().from(profiles);
    expect(
      stored.map((p) => [p.esimTranNo, p.orderNo, p.esimStatus, p.smdpStatus, p.packageCode]).sort(),
    ).toEqual([...a, ...b].map((p) => [p.esimTranNo, p.orderNo, 'GOT_RESOURCE', 'RELEASED', 'JC016']).sort());
    expect(
      (await getStore().db.select().from(orders)).map((o) => [o.orderNo, o.origin, o.status]).sort(),
    ).toEqual([a[0]!.orderNo, b[0]!.orderNo].map((orderNo) => [orderNo, 'sync', 'GOT_RESOURCE']).sort());
  });

  it('finds no drift when nothing changed since the last sync', async () => {
    fake.addOrder(3);
    await sync();
    const second = await sync();
    expect(second.findings).toEqual({});
    expect(await findings(second.runId)).toEqual([]);
  });

  it('pages through the date range with the pager', async () => {
    fake.addOrder(12);
    await sync({ pageSize: 5 });
    const ranged = fake.requests.filter((r) => r.endpoint === 'queryProfiles' && r.body.startTime);
    expect(ranged.map((r) => r.body.pager)).toEqual([
      { pageNum: 1, pageSize: 5 },
      { pageNum: 2, pageSize: 5 },
      { pageNum: 3, pageSize: 5 },
    ]);
    expect(await getStore().db.$count(profiles)).toBe(12);
  });

  it('asks for the next page while writing the current one, never holding a third', async () => {
    fake.addOrder(20);
    let pagesStored = 0;
    const pagesStoredWhenAsked: number[] = [];
    fake.onRequest = (request) => {
      if (request.endpoint === 'queryProfiles') pagesStoredWhenAsked.push(pagesStored);
    };
    await sync({
      pageSize: 5,
      onProgress: ({ stream, done }) => {
        if (stream === 'esimaccess:range') pagesStored = done / 5;
      },
    });
    expect(pagesStoredWhenAsked).toHaveLength(4);
    // Page n is asked for once page n - 2 is in the store: one page written, one on its way.
    pagesStoredWhenAsked.forEach((stored, i) => {
      expect(stored, `pages stored when page ${i + 1} was asked for`).toBeGreaterThanOrEqual(i - 1);
    });
    expect(await getStore().db.$count(profiles)).toBe(20);
  });

  it('reports a state change no webhook told us of as a missed webhook, and takes it', async () => {
    const [p] = fake.addOrder(1);
    await sync();
    Object.assign(fake.profile(p!.esimTranNo), {
      esimStatus: 'IN_USE',
      smdpStatus: 'ENABLED',
      eid: '8904903200',
    });
    const result = await sync();
    expect(await findings(result.runId)).toEqual([
      ['missed_webhook', 'profile', p!.esimTranNo, 'state', 'GOT_RESOURCE/RELEASED', 'IN_USE/ENABLED'],
    ]);
    expect(await storedProfile(p!.esimTranNo)).toMatchObject({
      esimStatus: 'IN_USE',
      eid: '8904903200',
      stateSource: 'sync',
    });
  });

  it("reports a store that is ahead of the provider as a status mismatch, and takes the provider's state", async () => {
    const [p] = fake.addOrder(1);
    await sync();
    await getStore().db.update(profiles).set({ esimStatus: 'USED_UP', smdpStatus: 'ENABLED' });
    const result = await sync();
    expect(await findings(result.runId)).toEqual([
      ['status_mismatch', 'profile', p!.esimTranNo, 'state', 'USED_UP/ENABLED', 'GOT_RESOURCE/RELEASED'],
    ]);
    expect(await storedProfile(p!.esimTranNo)).toMatchObject({
      esimStatus: 'GOT_RESOURCE',
      smdpStatus: 'RELEASED',
    });
  });

  it('reports an order still PENDING in the store but allocated at the provider as a missed ORDER_STATUS', async () => {
    const orderNo = 'B25091100000001';
    await recordOrder(getStore(), { accountId: 'esimaccess', provider: 'esimaccess', orderNo });
    fake.addOrder(1, { orderNo });
    const result = await sync();
    expect((await findings(result.runId)).filter((f) => f[1] === 'order')).toEqual([
      ['missed_webhook', 'order', orderNo, 'status', 'PENDING', 'GOT_RESOURCE'],
    ]);
  });

  it('leaves an order the provider is still allocating alone', async () => {
    const orderNo = 'B25091100000002';
    await recordOrder(getStore(), { accountId: 'esimaccess', provider: 'esimaccess', orderNo });
    fake.addOrder(1, { orderNo });
    fake.allocating.add(orderNo);
    const result = await sync();
    expect(result.findings).toEqual({});
    const [order] = await getStore().db.select().from(orders);
    expect(order).toMatchObject({ status: 'PENDING', missingAtProvider: false });
  });

  it('flags an order the provider does not know as missing at the provider, without deleting it', async () => {
    await recordOrder(getStore(), { accountId: 'esimaccess', provider: 'esimaccess', orderNo: 'B-GHOST' });
    const result = await sync();
    expect(await findings(result.runId)).toEqual([
      ['missing_at_provider', 'order', 'B-GHOST', '*', 'PENDING', null],
    ]);
    const [order] = await getStore().db.select().from(orders);
    expect(order).toMatchObject({ orderNo: 'B-GHOST', missingAtProvider: true });
  });

  it('flags a profile the provider no longer lists', async () => {
    const [kept, gone] = fake.addOrder(2);
    await sync();
    fake.profiles.splice(fake.profiles.indexOf(fake.profile(gone!.esimTranNo)), 1);
    const result = await sync();
    expect(await findings(result.runId)).toEqual([
      ['missing_at_provider', 'profile', gone!.esimTranNo, '*', 'GOT_RESOURCE/RELEASED', null],
    ]);
    expect(await storedProfile(kept!.esimTranNo)).toMatchObject({ missingAtProvider: false });
    expect(await storedProfile(gone!.esimTranNo)).toMatchObject({ missingAtProvider: true });
  });

  it('queries usage in batches of at most ten and records usage drift', async () => {
    const list = inUse(fake.addOrder(23));
    await sync();
    const batches = fake.requests
      .filter((r) => r.endpoint === 'queryUsage')
      .map((r) => (r.body.esimTranNoList as string[]).length);
    expect(batches).toEqual([10, 10, 3]);
    fake.profile(list[4]!.esimTranNo).orderUsage = 52_428_800;
    const result = await sync();
    expect(await findings(result.runId)).toEqual([
      ['usage_mismatch', 'profile', list[4]!.esimTranNo, 'orderUsage', '0', '52428800'],
    ]);
    expect(await storedProfile(list[4]!.esimTranNo)).toMatchObject({ orderUsage: 52_428_800 });
  });

  it('does not ask usage again for a terminal profile whose usage it already read', async () => {
    const [p] = fake.addOrder(1);
    Object.assign(fake.profile(p!.esimTranNo), { esimStatus: 'USED_EXPIRED', smdpStatus: 'DISABLED' });
    await sync();
    await sync();
    expect(fake.requests.filter((r) => r.endpoint === 'queryUsage')).toHaveLength(1);
  });

  it('anchors the ledger on the first sync and reports later balance drift, corrected by an adjustment', async () => {
    fake.balance = 1_000_000;
    await recordOrder(getStore(), {
      accountId: 'esimaccess',
      provider: 'esimaccess',
      orderNo: 'B-EARLY',
      amount: 20_000,
    });
    fake.addOrder(1, { orderNo: 'B-EARLY' });
    await sync();
    expect(await ledger()).toEqual([
      ['opening', 'opening', 1_020_000],
      ['order:B-EARLY', 'spend', -20_000],
    ]);
    await recordOrder(getStore(), {
      accountId: 'esimaccess',
      provider: 'esimaccess',
      orderNo: 'B-LATER',
      amount: 15_000,
    });
    fake.addOrder(1, { orderNo: 'B-LATER' });
    fake.balance -= 15_000;
    expect((await sync()).findings.balance_mismatch).toBeUndefined();
    fake.balance -= 500;
    const drifted = await sync();
    expect(await findings(drifted.runId)).toEqual([
      ['balance_mismatch', 'balance', 'esimaccess', 'balance', '985000', '984500'],
    ]);
    expect(await ledger()).toContainEqual([`adjustment:run:${drifted.runId}`, 'adjustment', -500]);
    expect((await sync()).findings).toEqual({});
  });

  it('refunds a cancel found by the sync once, however many syncs see it', async () => {
    const orderNo = 'B25091100000003';
    await recordOrder(getStore(), {
      accountId: 'esimaccess',
      provider: 'esimaccess',
      orderNo,
      amount: 30_000,
      lines: [{ packageCode: 'JC016', count: 2, price: 15_000 }],
    });
    const [p] = fake.addOrder(2, { orderNo });
    await sync();
    Object.assign(fake.profile(p!.esimTranNo), { esimStatus: 'CANCEL', smdpStatus: 'RELEASED' });
    fake.balance += 15_000;
    await sync();
    const third = await sync();
    expect(third.findings).toEqual({});
    expect((await ledger()).filter((e) => e[1] === 'refund')).toEqual([
      [`refund:${p!.esimTranNo}`, 'refund', 15_000],
    ]);
  });

  it('keeps a state a webhook set after the provider answered the page', async () => {
    const [p] = fake.addOrder(1);
    await sync();
    const receiver = createWebhookReceiver(getStore());
    const app = new Hono().route('/hook', receiver.app);
    // The provider answers GOT_RESOURCE; the IN_USE webhook lands while that answer is on its way to us.
    fake.onRequest = async (request) => {
      if (request.endpoint !== 'queryProfiles') return;
      fake.onRequest = undefined;
      await deliver(app, esimStatusEvent({ ...p!, transactionId: 'txn-1' }, 'IN_USE', 'ENABLED', 5), '/hook');
      await receiver.drain();
    };
    const result = await sync();
    await receiver.close();
    expect(await findings(result.runId)).toEqual([]);
    expect(await storedProfile(p!.esimTranNo)).toMatchObject({
      esimStatus: 'IN_USE',
      stateSource: 'webhook',
    });
  });

  it("sends every call through the client's rate limiter", async () => {
    inUse(fake.addOrder(12));
    let acquired = 0;
    const limiter = new SlidingWindowLimiter({ limit: 8, windowMs: 1000 });
    const counting: RateLimiter = {
      acquire: (signal) => {
        acquired += 1;
        return limiter.acquire(signal);
      },
    };
    await sync({ pageSize: 5 }, esimAccessClient({ rateLimit: counting }));
    expect(acquired).toBe(fake.requests.length);
    expect(acquired).toBeGreaterThan(5);
  });

  it('resumes an interrupted run under the same id', async () => {
    fake.addOrder(14);
    const controller = new AbortController();
    fake.onRequest = (_request, n) => {
      if (n === 3) controller.abort();
    };
    await expect(sync({ pageSize: 5, signal: controller.signal })).rejects.toThrow();
    fake.onRequest = undefined;
    const resumed = await sync({ pageSize: 5 });
    expect(resumed).toMatchObject({ runId: 1, resumed: true, findings: { unknown_to_us: 15 } });
  });
});
