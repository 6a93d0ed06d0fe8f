/**
 * Single lifecycle paths through the eSIM Access mock and the webhook receiver over loopback, each with the one
 * webhook fault (or none) that makes it tricky, pinned by count instead of chance.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ledgerEntries, profiles, webhookInbox } from '../src/store/schema.js';
import { orderEsims, pickPackages, profilesOf } from './helpers/e2e-app.js';
import { mockEsimView, storeEsimView } from './helpers/e2e-views.js';
import { ESIM_ACCOUNT, useWorld } from './helpers/e2e-world.js';
import { useStore } from './helpers/store.js';

const getStore = useStore();
const env = useWorld(getStore, 'paths');
const { step } = env;
const sync = async () => (await env.sync()).findings;

/** One profile the app bought and recorded, allocated. */
async function boughtProfile(kind: 'onInstall' | 'onUse'): Promise<string> {
  const pkg = (await pickPackages(env.world()))[kind];
  const { orderNo } = await orderEsims(env.world(), getStore(), pkg, 1);
  await env.world().esimControl.advance(5_000);
  const [esimTranNo] = await profilesOf(env.world(), orderNo);
  return esimTranNo!;
}

async function storedProfile(esimTranNo: string) {
  const [row] = await getStore().db.select().from(profiles).where(eq(profiles.esimTranNo, esimTranNo));
  return row;
}

describe('lifecycle paths end to end', () => {
  it('keeps a profile in use when its unsuspension overtakes its suspension', async () => {
    const id = await boughtProfile('onInstall');
    await step(() => env.world().esimControl.installProfile(id));
    const webhooks = env.world().esimControl.tenant.webhooks;
    // The suspension's webhook is held back until the next event, and then arrives after it.
    webhooks.setFaults({ reorder: { count: 1 } });
    await step(() => env.world().esimClient.suspend({ esimTranNo: id }));
    webhooks.setFaults({});
    await step(() => env.world().esimClient.unsuspend({ esimTranNo: id }));
    await env.world().receiver.drain();

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
    await step(() => env.world().esimClient.cancel({ esimTranNo: id }));
    await env.world().receiver.drain();
    expect(await storedProfile(id)).toMatchObject({ esimStatus: 'CANCEL', packageCode: null });

    expect(await sync()).toEqual({});
    const refund = await getStore()
      .db.select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.accountId, ESIM_ACCOUNT), eq(ledgerEntries.entryKey, `refund:${id}`)));
    expect(refund.map((entry) => entry.amount)).toEqual([env.world().esimControl.profile(id).price]);
    expect(await storeEsimView(getStore(), ESIM_ACCOUNT)).toEqual(
      mockEsimView(env.world().esimControl.state()),
    );
  });

  it('takes the expiry that a missed activation restarted as news, not as drift', async () => {
    const id = await boughtProfile('onUse');
    await sync();
    await step(() => env.world().esimControl.installProfile(id));
    // First use activates the profile: its SMDP_EVENT and ESIM_STATUS are lost; 10 % used sends nothing else.
    env.world().esimControl.tenant.webhooks.setFaults({ drop: { count: 2 } });
    await step(() =>
      env.world().esimControl.addUsage(id, Math.ceil(env.world().esimControl.profile(id).totalVolume / 10)),
    );
    env.world().esimControl.tenant.webhooks.setFaults({});
    await step(() => env.world().esimClient.suspend({ esimTranNo: id }));
    await step(() => env.world().esimClient.unsuspend({ esimTranNo: id }));
    await env.world().receiver.drain();
    expect(await storedProfile(id)).toMatchObject({ esimStatus: 'IN_USE', expiredTime: null });

    // The suspension's ESIM_STATUS carried the usage; the validity's end is simply learnt.
    expect(await sync()).toEqual({});
    expect(await storeEsimView(getStore(), ESIM_ACCOUNT)).toEqual(
      mockEsimView(env.world().esimControl.state()),
    );
  });
});
