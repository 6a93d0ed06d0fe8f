import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordOrder } from '../src/records/record-order.js';
import type { Store } from '../src/store/open.js';
import { appliedWebhooks, ledgerEntries, orders, profiles, webhookInbox } from '../src/store/schema.js';
import { receiveWebhook } from '../src/webhooks/inbox.js';
import { createWebhookReceiver, type WebhookReceiver } from '../src/webhooks/route.js';
import { useStore } from './helpers/store.js';
import {
  checkHealth,
  dataUsageEvent,
  deliver,
  esimStatusEvent,
  orderStatusEvent,
  profileRef,
  smdpEvent,
  validityEvent,
} from './helpers/webhooks.js';

const getStore = useStore();
let receiver: WebhookReceiver;
let app: Hono;
let errors: unknown[];

function mount(store: Store): { receiver: WebhookReceiver; app: Hono } {
  const r = createWebhookReceiver(store, { accountId: 'esimaccess', onError: (e) => errors.push(e) });
  return { receiver: r, app: new Hono().route('/webhooks/esimaccess', r.app) };
}

beforeEach(() => {
  errors = [];
  ({ receiver, app } = mount(getStore()));
});
afterEach(async () => {
  await receiver.close();
  expect(errors).toEqual([]);
});

const ref = profileRef(1);

async function profile() {
  const [row] = await getStore().db.select().from(profiles).where(eq(profiles.esimTranNo, ref.esimTranNo));
  return row;
}

async function deliverAll(...bodies: unknown[]) {
  for (const body of bodies) expect((await deliver(app, body)).status).toBe(200);
  await receiver.drain();
}

describe('the webhook receiver', () => {
  it('answers CHECK_HEALTH with 200 and changes nothing', async () => {
    await deliverAll(checkHealth);
    expect(await getStore().db.select().from(orders)).toEqual([]);
    expect((await getStore().db.select().from(appliedWebhooks))[0]?.outcome).toBe('ignored');
  });

  it('marks an order allocated on ORDER_STATUS', async () => {
    await recordOrder(getStore(), { accountId: 'esimaccess', provider: 'esimaccess', orderNo: ref.orderNo });
    await deliverAll(orderStatusEvent(ref));
    const [order] = await getStore().db.select().from(orders);
    expect(order).toMatchObject({ orderNo: ref.orderNo, status: 'GOT_RESOURCE', origin: 'local' });
  });

  it('creates a profile from SMDP_EVENT, with its order, when neither was known', async () => {
    await deliverAll(smdpEvent(ref, 'GOT_RESOURCE', 'DOWNLOAD', 1));
    expect(await profile()).toMatchObject({
      orderNo: ref.orderNo,
      iccid: ref.iccid,
      esimStatus: 'GOT_RESOURCE',
      smdpStatus: 'DOWNLOAD',
      eid: '89049032007108882600137544319616',
      stateSource: 'webhook',
      stateEventAt: Date.UTC(2025, 8, 11, 13, 1),
    });
    const [order] = await getStore().db.select().from(orders);
    expect(order).toMatchObject({ status: 'GOT_RESOURCE', origin: 'webhook' });
  });

  it('moves a profile on ESIM_STATUS', async () => {
    await deliverAll(
      smdpEvent(ref, 'GOT_RESOURCE', 'ENABLED', 1),
      esimStatusEvent(ref, 'IN_USE', 'ENABLED', 2),
    );
    expect(await profile()).toMatchObject({ esimStatus: 'IN_USE', smdpStatus: 'ENABLED' });
  });

  it('records usage from DATA_USAGE and never lowers it', async () => {
    await deliverAll(esimStatusEvent(ref, 'IN_USE', 'ENABLED', 2), dataUsageEvent(ref, 900, 1000));
    await deliverAll(dataUsageEvent(ref, 500, 1000));
    expect(await profile()).toMatchObject({
      orderUsage: 900,
      totalVolume: 1000,
      usageUpdatedAt: '2025-09-11T13:30:00Z',
    });
  });

  it('records the expiry from VALIDITY_USAGE', async () => {
    await deliverAll(
      esimStatusEvent(ref, 'IN_USE', 'ENABLED', 2),
      validityEvent(ref, '2025-10-11T13:00:00Z'),
    );
    expect(await profile()).toMatchObject({ expiredTime: '2025-10-11T13:00:00Z', totalDuration: 30 });
  });

  it('rejects a body that is not JSON with 400', async () => {
    const res = await deliver(app, '{"notifyType":');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'WEBHOOK_INVALID', path: '' });
    expect(await getStore().db.select().from(webhookInbox)).toEqual([]);
  });

  it('rejects a payload missing a field with 400 naming the field', async () => {
    const body = esimStatusEvent(ref, 'IN_USE', 'ENABLED', 2) as { content: Record<string, unknown> };
    delete body.content.esimTranNo;
    const res = await deliver(app, body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ path: 'content.esimTranNo' });
  });

  it('applies a notifyId once however often it is delivered, refunding a cancel once', async () => {
    await recordOrder(getStore(), {
      accountId: 'esimaccess',
      provider: 'esimaccess',
      orderNo: ref.orderNo,
      amount: 15_000,
      lines: [{ packageCode: 'JC016', count: 1, price: 15_000 }],
    });
    await deliverAll(smdpEvent(ref, 'GOT_RESOURCE', 'RELEASED', 1));
    await getStore().db.update(profiles).set({ packageCode: 'JC016' });
    const cancel = esimStatusEvent(ref, 'CANCEL', 'RELEASED', 5);
    const first = await deliver(app, cancel);
    const second = await deliver(app, cancel);
    expect(await first.json()).toMatchObject({ duplicate: false });
    expect(await second.json()).toMatchObject({ duplicate: true });
    await receiver.drain();
    const ledger = await getStore().db.select().from(ledgerEntries);
    expect(ledger.map((e) => [e.entryKey, e.amount])).toEqual([
      [`order:${ref.orderNo}`, -15_000],
      [`refund:${ref.esimTranNo}`, 15_000],
    ]);
    expect(await getStore().db.select().from(appliedWebhooks)).toHaveLength(2);
  });

  it('ends in the newest state whatever order the events arrive in', async () => {
    const events = [
      smdpEvent(ref, 'GOT_RESOURCE', 'DOWNLOAD', 1),
      smdpEvent(ref, 'GOT_RESOURCE', 'INSTALLATION', 2),
      smdpEvent(ref, 'GOT_RESOURCE', 'ENABLED', 3),
      smdpEvent(ref, 'IN_USE', 'ENABLED', 4),
    ];
    await deliverAll(events[3], events[1], events[0], events[2], events[3]);
    expect(await profile()).toMatchObject({ esimStatus: 'IN_USE', smdpStatus: 'ENABLED' });
    const outcomes = (await getStore().db.select().from(appliedWebhooks)).map((a) => a.outcome).sort();
    expect(outcomes).toEqual(['applied', 'stale', 'stale', 'stale']);
  });

  it('deduplicates old payloads without notifyId by their content', async () => {
    const old = esimStatusEvent(ref, 'IN_USE', 'ENABLED', 2) as {
      notifyId?: string;
      eventGenerateTime?: string;
    };
    delete old.notifyId;
    delete old.eventGenerateTime;
    await deliverAll(old, old);
    expect(await getStore().db.select().from(webhookInbox)).toHaveLength(1);
    expect((await getStore().db.select().from(appliedWebhooks))[0]?.notifyId).toMatch(
      /^sha256:[0-9a-f]{64}$/,
    );
  });

  it('applies webhooks stored before a crash when a receiver drains again', async () => {
    await receiveWebhook(getStore(), 'esimaccess', esimStatusEvent(ref, 'IN_USE', 'ENABLED', 2));
    expect(await profile()).toBeUndefined();
    const restarted = mount(getStore());
    await restarted.receiver.drain();
    await restarted.receiver.close();
    expect(await profile()).toMatchObject({ esimStatus: 'IN_USE' });
  });

  it('applies a webhook once when two receivers get it at the same time', async () => {
    const other = mount(getStore());
    const event = esimStatusEvent(ref, 'IN_USE', 'ENABLED', 2);
    const answers = await Promise.all([deliver(app, event), deliver(other.app, event)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await Promise.all([receiver.drain(), other.receiver.drain()]);
    await other.receiver.close();
    expect(await getStore().db.select().from(appliedWebhooks)).toHaveLength(1);
    expect(await profile()).toMatchObject({ esimStatus: 'IN_USE' });
  });

  it('answers 503 when the webhook cannot be stored, so the provider delivers it again', async () => {
    const broken = {
      ...getStore(),
      db: new Proxy(getStore().db, {
        get(target, key, receiverObj) {
          if (key === 'insert') throw new Error('connection terminated');
          return Reflect.get(target, key, receiverObj);
        },
      }),
    } as Store;
    const seen: unknown[] = [];
    const r = createWebhookReceiver(broken, { onError: (e) => seen.push(e) });
    const res = await deliver(new Hono().route('/webhooks/esimaccess', r.app), orderStatusEvent(ref));
    expect(res.status).toBe(503);
    expect(seen).toHaveLength(1);
    await r.close();
  });
});
