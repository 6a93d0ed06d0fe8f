/**
 * `recordOrder` against what the store already knows: an order a sync found first (recorded late), a second
 * record of the same order, and the profiles of an allocated order.
 */
import { InvalidArgumentError } from '@esim-sandbox/core';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type RecordOrderInput, recordOrder } from '../src/records/record-order.js';
import { buildReport } from '../src/report/build.js';
import { formatReport } from '../src/report/format.js';
import { driftFindings, ledgerEntries, orders, profiles } from '../src/store/schema.js';
import { syncAccount } from '../src/sync/engine.js';
import { esimAccessClient } from './helpers/sync.js';
import { useFakeEsimAccess } from './helpers/use-fake-esimaccess.js';

const { getStore, fake } = useFakeEsimAccess();

const ORDER = 'B25091100000042';
const PRICE = 15_000;

const sync = () =>
  syncAccount(getStore(), { provider: 'esimaccess', accountId: 'esimaccess', client: esimAccessClient() });

const record = (extra: Partial<RecordOrderInput> = {}) =>
  recordOrder(getStore(), {
    accountId: 'esimaccess',
    provider: 'esimaccess',
    orderNo: ORDER,
    // What the fake's first order carries, as the provider's profiles carry the app's transactionId.
    transactionId: 'txn-1',
    amount: 2 * PRICE,
    lines: [{ packageCode: 'JC016', count: 2, price: PRICE }],
    ...extra,
  });

const ledger = async () =>
  (await getStore().db.select().from(ledgerEntries))
    .filter((e) => e.kind !== 'opening')
    .map((e) => [e.entryKey, e.kind, e.amount])
    .sort();

async function findingsOf(runId: number) {
  const rows = await getStore().db.select().from(driftFindings).where(eq(driftFindings.runId, runId));
  return rows.map((f) => [f.kind, f.subjectType, f.subjectId, f.resolution]).sort();
}

/** The provider's order of two profiles, placed (and paid for) before the first sync. */
function providerOrder() {
  const placed = fake().addOrder(2, { orderNo: ORDER });
  fake().balance -= 2 * PRICE;
  return placed.map((p) => p.esimTranNo);
}

describe('an order recorded after a sync found it', () => {
  it('keeps the lines, amount and transaction id the app gives, and debits the ledger once', async () => {
    providerOrder();
    await sync();
    await record();
    await record();
    const [order] = await getStore().db.select().from(orders);
    expect(order).toMatchObject({
      orderNo: ORDER,
      status: 'GOT_RESOURCE',
      amount: 2 * PRICE,
      lines: [{ packageCode: 'JC016', count: 2, price: PRICE }],
      transactionId: 'txn-1',
    });
    expect((await ledger()).filter((e) => e[1] === 'spend')).toEqual([
      [`order:${ORDER}`, 'spend', -2 * PRICE],
    ]);
    expect(await getStore().db.$count(profiles, eq(profiles.orderNo, ORDER))).toBe(2);
  });

  it('marks what the sync reported unknown resolved, keeping it in the history of its run', async () => {
    const ids = providerOrder();
    const first = await sync();
    await record();
    expect(await findingsOf(first.runId)).toEqual(
      [
        ['unknown_to_us', 'order', ORDER, 'recorded by the app'],
        ...ids.map((id) => ['unknown_to_us', 'profile', id, 'recorded by the app']),
      ].sort(),
    );
  });

  it('shows the resolution in the report of that sync', async () => {
    providerOrder();
    await sync();
    await record();
    const report = await buildReport(getStore());
    const items = report.accounts[0]!.findings.items;
    expect(items.map((f) => f.resolution)).toEqual([
      'recorded by the app',
      'recorded by the app',
      'recorded by the app',
    ]);
    expect(items.every((f) => f.resolvedAt !== null)).toBe(true);
    expect(formatReport(report)).toContain('corrected, resolved');
  });

  it('leaves the next sync nothing to find, though a balance check had already counted the order', async () => {
    providerOrder();
    await sync();
    await record();
    expect((await sync()).findings).toEqual({});
    expect(await ledger()).toEqual([
      [`counted:order:${ORDER}`, 'adjustment', 2 * PRICE],
      [`order:${ORDER}`, 'spend', -2 * PRICE],
    ]);
  });

  it('refunds a profile cancelled before the lines were known, once, without a balance drift', async () => {
    const [cancelled] = providerOrder();
    fake().profile(cancelled!).esimStatus = 'CANCEL';
    fake().balance += PRICE;
    await sync();
    await record();
    await record();
    expect((await ledger()).filter((e) => e[1] === 'refund')).toEqual([
      [`refund:${cancelled}`, 'refund', PRICE],
    ]);
    expect((await sync()).findings).toEqual({});
  });

  it.each([
    ['amount', { amount: 3 * PRICE }],
    ['transactionId', { transactionId: 'txn-other' }],
    ['lines', { lines: [{ packageCode: 'JC016', count: 2, price: PRICE + 1 }] }],
  ])('refuses a second record with another %s, naming the field', async (field, change) => {
    await record();
    const error = await record(change).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ field });
  });
});

describe('the profiles of a recorded order', () => {
  it('are known to the first sync when the app records their ids', async () => {
    const ids = providerOrder();
    await record();
    await record({ profiles: ids.map((esimTranNo) => ({ esimTranNo })) });
    const [order] = await getStore().db.select().from(orders);
    expect(order).toMatchObject({ status: 'GOT_RESOURCE' });
    const first = await sync();
    expect(first.findings).toEqual({});
    const stored = await getStore().db.select().from(profiles).where(eq(profiles.orderNo, ORDER));
    expect(stored.map((p) => [p.esimTranNo, p.iccid, p.packageCode, p.totalVolume]).sort()).toEqual(
      ids.map((id) => [id, fake().profile(id).iccid, 'JC016', 1_073_741_824]).sort(),
    );
  });

  it('are stored as the provider listed them when the app records the query items', async () => {
    const ids = providerOrder();
    await record();
    Object.assign(fake().profile(ids[0]!), {
      esimStatus: 'IN_USE',
      smdpStatus: 'ENABLED',
      orderUsage: 5_000,
    });
    await record({ profiles: ids.map((id) => structuredClone(fake().profile(id))) });
    const [row] = await getStore().db.select().from(profiles).where(eq(profiles.esimTranNo, ids[0]!));
    expect(row).toMatchObject({ esimStatus: 'IN_USE', smdpStatus: 'ENABLED', orderUsage: 5_000 });
    expect((await sync()).findings).toEqual({});
  });

  it('still show what happened to them since as missed webhooks', async () => {
    const ids = providerOrder();
    await record({ profiles: ids.map((esimTranNo) => ({ esimTranNo })) });
    Object.assign(fake().profile(ids[1]!), { esimStatus: 'IN_USE', smdpStatus: 'ENABLED' });
    const result = await sync();
    expect(await findingsOf(result.runId)).toEqual([['missed_webhook', 'profile', ids[1], null]]);
  });

  it('are flagged missing at the provider when it does not list them', async () => {
    providerOrder();
    await record({ profiles: [{ esimTranNo: '25091100009999' }] });
    const result = await sync();
    expect(await findingsOf(result.runId)).toContainEqual([
      'missing_at_provider',
      'profile',
      '25091100009999',
      null,
    ]);
  });

  it('refuses a profile the store holds in another order, naming it', async () => {
    const [other] = fake().addOrder(1);
    await sync();
    const error = await record({ profiles: [{ esimTranNo: other!.esimTranNo }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ field: 'profiles[0].esimTranNo' });
    const stored = await getStore()
      .db.select()
      .from(profiles)
      .where(and(eq(profiles.esimTranNo, other!.esimTranNo), eq(profiles.orderNo, other!.orderNo)));
    expect(stored).toHaveLength(1);
  });

  it.each([
    ['profiles[0].esimTranNo', [{ esimTranNo: '' }]],
    [
      'profiles[1].esimStatus',
      [{ esimTranNo: '25091100000001' }, { esimTranNo: '2', esimStatus: 'NAPPING' }],
    ],
    ['profiles[0].smdpStatus', [{ esimTranNo: '25091100000001', esimStatus: 'IN_USE' }]],
    ['profiles[0].orderNo', [{ esimTranNo: '25091100000001', orderNo: 'B-ELSEWHERE' }]],
  ])('refuses a bad %s', async (field, items) => {
    const error = await record({ profiles: items as RecordOrderInput['profiles'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ field });
  });
});
