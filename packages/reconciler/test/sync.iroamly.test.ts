import { IroamlyRedeemCodeStatus } from '@esim-sandbox/core';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { recordOrder } from '../src/records/record-order.js';
import { driftFindings, orders, redeemCodes } from '../src/store/schema.js';
import { syncAccount } from '../src/sync/engine.js';
import { FakeIroamly, IROAMLY_URL, iroamlyHandlers } from './helpers/fake-iroamly.js';
import { useMsw } from './helpers/msw.js';
import { useStore } from './helpers/store.js';
import { iroamlyClient } from './helpers/sync.js';

const getStore = useStore();
const use = useMsw();
let fake: FakeIroamly;

beforeEach(() => {
  fake = new FakeIroamly();
  use(...iroamlyHandlers(fake));
});

const { NOT_REDEEMED, REDEEMING, REDEEMED } = IroamlyRedeemCodeStatus;
const sync = () =>
  syncAccount(getStore(), { provider: 'iroamly', accountId: 'iroamly', client: iroamlyClient() });
const record = (orderNo: string) =>
  recordOrder(getStore(), {
    accountId: 'iroamly',
    provider: 'iroamly',
    orderNo,
    amount: 25_000,
    email: 'ops@example.com',
  });

async function findings(runId: number) {
  const rows = await getStore().db.select().from(driftFindings).where(eq(driftFindings.runId, runId));
  return rows.map((f) => [f.kind, f.subjectType, f.subjectId, f.field, f.storeValue, f.providerValue]).sort();
}

const codes = async () =>
  (await getStore().db.select().from(redeemCodes)).map((c) => [c.redeemCode, c.status, c.qrCodeUrl]).sort();

describe('the iRoamly sync', () => {
  it("learns every known order's codes, with the QR of the redeemed ones", async () => {
    const { orderId, codes: issued } = fake.addOrder([NOT_REDEEMED, REDEEMED, REDEEMING]);
    await record(orderId);
    const result = await sync();
    expect(result.findings).toEqual({ unknown_to_us: 3 });
    expect(await codes()).toEqual([
      [issued[0]!.redeemCode, NOT_REDEEMED, null],
      [issued[1]!.redeemCode, REDEEMED, `${IROAMLY_URL}/qr/${issued[1]!.redeemCode}.png`],
      [issued[2]!.redeemCode, REDEEMING, null],
    ]);
    expect(fake.calls.filter((path) => path === '/openapi/qrcodeQuery')).toHaveLength(1);
  });

  it('reports a code redeemed since the last sync as a status mismatch and stores its QR', async () => {
    const { orderId, codes: issued } = fake.addOrder([NOT_REDEEMED]);
    await record(orderId);
    await sync();
    fake.code(issued[0]!.redeemCode).status = REDEEMED;
    const result = await sync();
    expect(await findings(result.runId)).toEqual([
      ['status_mismatch', 'redeem_code', issued[0]!.redeemCode, 'status', '0', '2'],
    ]);
    expect((await codes())[0]).toEqual([
      issued[0]!.redeemCode,
      REDEEMED,
      `${IROAMLY_URL}/qr/${issued[0]!.redeemCode}.png`,
    ]);
  });

  it('finds no drift when nothing changed', async () => {
    const { orderId } = fake.addOrder([NOT_REDEEMED, REDEEMED]);
    await record(orderId);
    await sync();
    expect((await sync()).findings).toEqual({});
  });

  it('flags a code the provider no longer lists, and an order it does not know', async () => {
    const { orderId } = fake.addOrder([NOT_REDEEMED, NOT_REDEEMED]);
    await record(orderId);
    await record('ord-unknown');
    await sync();
    const gone = fake.orders.get(orderId)!.pop()!;
    const result = await sync();
    expect(await findings(result.runId)).toEqual([
      ['missing_at_provider', 'order', 'ord-unknown', '*', null, null],
      ['missing_at_provider', 'redeem_code', gone.redeemCode, '*', '0', null],
    ]);
    const [unknown] = await getStore().db.select().from(orders).where(eq(orders.orderNo, 'ord-unknown'));
    expect(unknown?.missingAtProvider).toBe(true);
  });

  it('never asks iRoamly for a balance: it has no such endpoint', async () => {
    const { orderId } = fake.addOrder([NOT_REDEEMED]);
    await record(orderId);
    await sync();
    expect(new Set(fake.calls)).toEqual(new Set(['/openapi/codeQuery']));
  });
});
