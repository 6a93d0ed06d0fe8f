import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { profiles, webhookInbox } from '../src/store/schema.js';
import {
  drainInbox,
  MAX_APPLY_ATTEMPTS,
  receiveWebhook,
  requeueFailedWebhooks,
} from '../src/webhooks/inbox.js';
import { useStore } from './helpers/store.js';
import { profileRef, smdpEvent } from './helpers/webhooks.js';

const getStore = useStore();

/** Stores a webhook as one whose apply already failed `MAX_APPLY_ATTEMPTS` times. */
async function failedWebhook(accountId: string, n: number) {
  const ref = profileRef(n);
  await receiveWebhook(getStore(), accountId, smdpEvent(ref, 'GOT_RESOURCE', 'DOWNLOAD', n));
  await getStore()
    .db.update(webhookInbox)
    .set({ attempts: MAX_APPLY_ATTEMPTS, lastError: 'disk full' })
    .where(eq(webhookInbox.accountId, accountId));
  return ref;
}

describe('re-queueing failed webhooks', () => {
  it('leaves a webhook that failed too often alone until it is re-queued, then applies it', async () => {
    const ref = await failedWebhook('esimaccess', 1);
    expect((await drainInbox(getStore())).applied).toEqual({});
    expect(await getStore().db.select().from(profiles)).toEqual([]);

    expect(await requeueFailedWebhooks(getStore())).toBe(1);
    const [row] = await getStore().db.select().from(webhookInbox);
    expect(row).toMatchObject({ attempts: 0, lastError: null, processedAt: null });

    expect((await drainInbox(getStore())).applied).toEqual({ applied: 1 });
    const [profile] = await getStore().db.select().from(profiles);
    expect(profile).toMatchObject({ esimTranNo: ref.esimTranNo, smdpStatus: 'DOWNLOAD' });
    expect(await requeueFailedWebhooks(getStore())).toBe(0);
  });

  it('re-queues only the account it is given', async () => {
    await failedWebhook('shop-a', 1);
    await failedWebhook('shop-b', 2);
    expect(await requeueFailedWebhooks(getStore(), { accountId: 'shop-a' })).toBe(1);
    const rows = await getStore().db.select().from(webhookInbox);
    const attempts = Object.fromEntries(rows.map((r) => [r.accountId, r.attempts]));
    expect(attempts).toEqual({ 'shop-a': 0, 'shop-b': MAX_APPLY_ATTEMPTS });
  });
});
