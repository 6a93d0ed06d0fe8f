/**
 * Profile lifecycles and the webhooks they send, received by a real local receiver and parsed with core's webhook
 * parser; time runs on the manual virtual clock, so a 30-day validity passes in milliseconds.
 */
import type { EsimAccessClient } from '@esim-sandbox/core';
import { describe, expect, it } from 'vitest';
import {
  DAY,
  findBase,
  type Harness,
  type Hooks,
  type MakeHarness,
  orderAllocated,
  pairs,
  useWebhookWorld,
} from './support/harness.js';

export function runLifecycleContract(mode: string, make: MakeHarness): void {
  describe(`lifecycle and webhooks (${mode})`, () => {
    let h: Harness;
    let hooks: Hooks;
    let client: EsimAccessClient;
    const delivered = useWebhookWorld(make, undefined, (w) => {
      ({ h, hooks, client } = w);
    });
    const status = async (esimTranNo: string) => {
      const [profile] = (await client.queryProfiles({ esimTranNo, pager: { pageNum: 1, pageSize: 5 } }))
        .esimList;
      return [profile?.esimStatus, profile?.smdpStatus];
    };

    it('sends CHECK_HEALTH on save, then ORDER_STATUS once the order is allocated', async () => {
      const { orderNo } = await orderAllocated(
        h,
        findBase(h.mock, () => true),
      );
      expect(hooks.types()).toEqual(['CHECK_HEALTH', 'ORDER_STATUS']);
      expect(hooks.payloads()[1]).toMatchObject({ content: { orderNo, orderStatus: 'GOT_RESOURCE' } });
      expect(hooks.payloads()[1]?.notifyId).toMatch(/^[0-9a-f]{32}$/);
    });

    it('walks the documented SMDP_EVENT sequence on install and activates an activeType 1 profile', async () => {
      const { esimTranNos } = await orderAllocated(
        h,
        findBase(h.mock, (p) => p.activeType === 1),
      );
      const id = esimTranNos[0]!;
      const from = hooks.payloads().length;
      h.account.installProfile(id);
      const events = await delivered(from);
      expect(pairs(events, 'SMDP_EVENT')).toEqual([
        ['GOT_RESOURCE', 'DOWNLOAD'],
        ['GOT_RESOURCE', 'INSTALLATION'],
        ['GOT_RESOURCE', 'ENABLED'],
        ['IN_USE', 'ENABLED'],
      ]);
      expect(pairs(events, 'ESIM_STATUS')).toEqual([['IN_USE', 'ENABLED']]);
      expect(await status(id)).toEqual(['IN_USE', 'ENABLED']);
    });

    it('activates an activeType 2 profile on its first data use, not on install', async () => {
      const { esimTranNos } = await orderAllocated(
        h,
        findBase(h.mock, (p) => p.activeType === 2),
      );
      const id = esimTranNos[0]!;
      h.account.installProfile(id);
      expect(await status(id)).toEqual(['GOT_RESOURCE', 'ENABLED']);
      h.account.addUsage(id, 1);
      expect(await status(id)).toEqual(['IN_USE', 'ENABLED']);
    });

    it('sends DATA_USAGE at 50, 80 and 90 % used, then ESIM_STATUS USED_UP; a top-up brings it back', async () => {
      const base = findBase(h.mock, (p) => p.activeType === 1 && p.supportTopUpType === 2);
      const { esimTranNos } = await orderAllocated(h, base);
      const id = esimTranNos[0]!;
      h.account.installProfile(id);
      const from = (await delivered()).length;
      for (const percent of [50, 30, 10, 10]) h.account.addUsage(id, (base.volume * percent) / 100);
      const events = await delivered(from);
      const usage = events.flatMap((p) => (p.notifyType === 'DATA_USAGE' ? [p.content] : []));
      expect(usage.map((u) => u.remainThreshold)).toEqual([0.5, 0.2, 0.1]);
      expect(usage[2]).toMatchObject({
        totalVolume: base.volume,
        orderUsage: base.volume * 0.9,
        remain: base.volume * 0.1,
      });
      expect(pairs(events, 'ESIM_STATUS')).toEqual([['USED_UP', 'ENABLED']]);
      const [topUp] = h.mock.catalog.topUpsFor(base);
      await client.topUp({ esimTranNo: id, packageCode: topUp!.packageCode, transactionId: 'refill' });
      expect(await status(id)).toEqual(['IN_USE', 'ENABLED']);
    });

    it('warns a day before validity ends (VALIDITY_USAGE) and expires it on the day (USED_EXPIRED)', async () => {
      const pkg = findBase(
        h.mock,
        (p) => p.activeType === 1 && p.duration === 30 && p.supportTopUpType === 2,
      );
      const { esimTranNos } = await orderAllocated(h, pkg);
      const id = esimTranNos[0]!;
      h.account.installProfile(id);
      const from = (await delivered()).length;
      await h.account.advance(29 * DAY);
      const warned = await delivered(from);
      expect(warned.map((p) => p.notifyType)).toEqual(['VALIDITY_USAGE']);
      expect(warned[0]).toMatchObject({ content: { remain: 1, totalDuration: 30, durationUnit: 'DAY' } });
      await h.account.advance(DAY);
      expect(await status(id)).toEqual(['USED_EXPIRED', 'ENABLED']);
      expect(pairs(hooks.payloads(), 'ESIM_STATUS').at(-1)).toEqual(['USED_EXPIRED', 'ENABLED']);
      const [topUp] = h.mock.catalog.topUpsFor(pkg);
      await expect(
        client.topUp({ esimTranNo: id, packageCode: topUp!.packageCode, transactionId: 'late' }),
      ).rejects.toMatchObject({ code: '200002' });
    });

    it('expires a profile nobody installed when its unused period ends (UNUSED_EXPIRED)', async () => {
      const pkg = findBase(h.mock, () => true);
      const { esimTranNos } = await orderAllocated(h, pkg);
      await h.account.advance((pkg.unusedValidTime ?? 180) * DAY);
      expect(await status(esimTranNos[0]!)).toEqual(['UNUSED_EXPIRED', 'RELEASED']);
      expect(pairs(hooks.payloads(), 'ESIM_STATUS')).toEqual([['UNUSED_EXPIRED', 'RELEASED']]);
    });

    it('reports suspend, cancel and revoke as ESIM_STATUS, and unsuspend returns to the previous status', async () => {
      const { esimTranNos } = await orderAllocated(
        h,
        findBase(h.mock, (p) => p.activeType === 1),
        3,
      );
      const [a, b, c] = esimTranNos as [string, string, string];
      h.account.installProfile(a);
      const from = (await delivered()).length;
      await client.suspend({ esimTranNo: a });
      await client.unsuspend({ esimTranNo: a });
      await client.cancel({ esimTranNo: b });
      await client.revoke({ esimTranNo: c });
      expect(pairs(await delivered(from), 'ESIM_STATUS')).toEqual([
        ['SUSPENDED', 'ENABLED'],
        ['IN_USE', 'ENABLED'],
        ['CANCEL', 'RELEASED'],
        ['REVOKED', 'DELETED'],
      ]);
    });

    it('retries a webhook the receiver refused, on the virtual clock, and logs every attempt', async () => {
      hooks.receiver.respondSequence([500]);
      const { orderNo } = await orderAllocated(
        h,
        findBase(h.mock, () => true),
      );
      expect(hooks.receiver.received.at(-1)?.json).toMatchObject({ notifyType: 'ORDER_STATUS' });
      const before = hooks.receiver.received.length;
      await h.account.advance(10_000);
      expect(hooks.receiver.received.length).toBe(before + 1);
      const [delivery] = h.account.webhookDeliveries({ type: 'ORDER_STATUS' });
      expect(delivery).toMatchObject({ state: 'delivered', payload: { content: { orderNo } } });
      expect(delivery?.attempts.map((a) => a.status)).toEqual([500, 200]);
    });
  });
}
