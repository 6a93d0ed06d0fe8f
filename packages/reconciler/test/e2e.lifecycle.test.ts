/**
 * Single lifecycle paths through the eSIM Access mock and the webhook receiver over loopback, each with the one
 * webhook fault (or none) that makes it tricky, pinned by count instead of chance.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerEntries, profiles, webhookInbox } from '../src/store/schema.js';
import { syncAccount } from '../src/sync/engine.js';
import { orderEsims, pickPackages, profilesOf } from './helpers/e2e-app.js';
import { mockEsimView, storeEsimView } from './helpers/e2e-views.js';
import { ESIM_ACCOUNT, startWorld, type World } from './helpers/e2e-world.js';
import { useStore } from './helpers/store.js';

const MINUTE = 60_000;
const getStore = useStore();
let world: World;

beforeEach(async () => {
  world = await startWorld(getStore(), 'paths');
});
afterEach(async () => {
  await world.close();
  expect(world.receiverErrors).toEqual([]);
});

async function sync() {
  await world.receiver.drain();
  const result = await syncAccount(getStore(), {
    provider: 'esimaccess',
    accountId: ESIM_ACCOUNT,
    client: world.esimClient,
  });
  return result.findings;
}

/** Runs one step of the provider's life, then lets a virtual minute pass (webhooks due are delivered). */
async function step(action: () => unknown) {
  await action();
  await world.esimControl.advance(MINUTE);
}

/** One profile the app bought and recorded, allocated. */
async function boughtProfile(kind: 'onInstall' | 'onUse'): Promise<string> {
  const pkg = (await pickPackages(world))[kind];
  const { orderNo } = await orderEsims(world, getStore(), pkg, 1);
  await world.esimControl.advance(5_000);
  const [esimTranNo] = await profilesOf(world, orderNo);
  return esimTranNo!;
}

async function storedProfile(esimTranNo: string) {
  const [row] = await getStore().db.select().from(profiles).where(eq(profiles.esimTranNo, esimTranNo));
  return row;
}

describe('lifecycle paths end to end', () => {
  it('keeps a profile in use when its unsuspension overtakes its suspension', async () => {
    const id = await boughtProfile('onInstall');
    await step(() => world.esimControl.installProfile(id));
    const webhooks = world.esimControl.tenant.webhooks;
    // The suspension's webhook is held back until the next event, and then arrives after it.
    webhooks.setFaults({ reorder: { count: 1 } });
    await step(() => world.esimClient.suspend({ esimTranNo: id }));
    webhooks.setFaults({});
    await step(() => world.esimClient.unsuspend({ esimTranNo: id }));
    await world.receiver.drain();

    const arrived = await getStore()
      .db.select()
      .from(webhookInbox)
      .where(eq(webhookInbox.notifyType, 'ESIM_STATUS'));
    expect(
      arrived.map((row) => (row.payload as { content: { esimStatus: string } }).content.esimStatus),
    ).toEqual(['IN_USE', 'IN_USE', 'SUSPENDED']);
    expect(await storedProfile(id)).toMatchObject({ esimStatus: 'IN_USE', smdpStatus: 'ENABLED' });
    expect(await sync()).toEqual({});
  });

  it('refunds a profile first learnt from its cancellation once a sync names its package', async () => {
    await boughtProfile('onUse');
    await sync();
    const id = await boughtProfile('onUse');
    // The cancellation's webhook is the first the store hears of the profile, and it names no package.
    await step(() => world.esimClient.cancel({ esimTranNo: id }));
    await world.receiver.drain();
    expect(await storedProfile(id)).toMatchObject({ esimStatus: 'CANCEL', packageCode: null });

    expect(await sync()).toEqual({});
    const refund = await getStore()
      .db.select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.accountId, ESIM_ACCOUNT), eq(ledgerEntries.entryKey, `refund:${id}`)));
    expect(refund.map((entry) => entry.amount)).toEqual([world.esimControl.profile(id).price]);
    expect(await storeEsimView(getStore(), ESIM_ACCOUNT)).toEqual(mockEsimView(world.esimControl.state()));
  });

  it('takes the expiry that a missed activation restarted as news, not as drift', async () => {
    const id = await boughtProfile('onUse');
    await sync();
    await step(() => world.esimControl.installProfile(id));
    // First use activates the profile: its SMDP_EVENT and ESIM_STATUS are lost; 10 % used sends nothing else.
    world.esimControl.tenant.webhooks.setFaults({ drop: { count: 2 } });
    await step(() =>
      world.esimControl.addUsage(id, Math.ceil(world.esimControl.profile(id).totalVolume / 10)),
    );
    world.esimControl.tenant.webhooks.setFaults({});
    await step(() => world.esimClient.suspend({ esimTranNo: id }));
    await step(() => world.esimClient.unsuspend({ esimTranNo: id }));
    await world.receiver.drain();
    expect(await storedProfile(id)).toMatchObject({ esimStatus: 'IN_USE', expiredTime: null });

    // The suspension's ESIM_STATUS carried the usage; the validity's end is simply learnt.
    expect(await sync()).toEqual({});
    expect(await storeEsimView(getStore(), ESIM_ACCOUNT)).toEqual(mockEsimView(world.esimControl.state()));
  });
});
