/**
 * The rest of the documented lifecycle (issue #14, point 7): SMDP_EVENT's seqNumber, a device disabling, enabling
 * again and deleting its profile, day passes as daily allowances per dataType, VALIDITY_USAGE for a 1-day package,
 * msisdn for SMS-capable packages, and cancel after a top-up. Received by a real local receiver, parsed with core's
 * webhook parser, on the manual virtual clock.
 */
import type { EsimAccessClient, EsimAccessPackage } from '@esim-sandbox/core';
import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../src/catalog/generate.js';
import type { EsimAccessMockOptions } from '../src/runtime/options.js';
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

/**
 * The suite adds three day passes to a generated catalogue, identical but for the dataType, so each case runs on the
 * same volume and activeType 1 (active on install).
 */
const dayPasses = (() => {
  const generated = generateCatalog({ seed: 7 });
  const daily = generated.packages.find((p) => p.dataType !== 1 && !p.packageCode.startsWith('TOPUP_'));
  if (!daily) throw new Error('the generated catalogue has no day pass');
  const pass = (dataType: number): EsimAccessPackage => ({
    ...daily,
    packageCode: `DAYPASS${dataType}`,
    slug: `${daily.slug}_T${dataType}`,
    dataType,
    activeType: 1,
  });
  const passes = { 2: pass(2), 3: pass(3), 4: pass(4) };
  const options: EsimAccessMockOptions = {
    catalog: { packages: [...generated.packages, ...Object.values(passes)], locations: generated.locations },
  };
  return { passes, options };
})();

export function runLifecycle2Contract(mode: string, make: MakeHarness): void {
  describe(`lifecycle, device actions and day passes (${mode})`, () => {
    let h: Harness;
    let hooks: Hooks;
    let client: EsimAccessClient;
    const delivered = useWebhookWorld(make, dayPasses.options, (w) => {
      ({ h, hooks, client } = w);
    });
    const query = async (esimTranNo: string) => {
      const { esimList } = await client.queryProfiles({ esimTranNo, pager: { pageNum: 1, pageSize: 5 } });
      return esimList[0]!;
    };
    const status = async (esimTranNo: string) => {
      const profile = await query(esimTranNo);
      return [profile.esimStatus, profile.smdpStatus];
    };
    const orderDayPass = async (pkg: EsimAccessPackage, periodNum: number) => {
      const { orderNo } = await client.order({
        transactionId: `day-${pkg.dataType}-${periodNum}`,
        packageInfoList: [{ packageCode: pkg.packageCode, count: 1, periodNum }],
      });
      await h.account.advance(h.mock.behaviour.allocationDelayMs);
      return h.account.order(orderNo).esimTranNos[0]!;
    };

    it('numbers each profile’s SMDP_EVENTs 1, 2, 3… in seqNumber', async () => {
      const { esimTranNos } = await orderAllocated(
        h,
        findBase(h.mock, (p) => p.activeType === 1),
        2,
      );
      const [a, b] = esimTranNos as [string, string];
      h.account.installProfile(a);
      h.account.installProfile(b, { until: 'DOWNLOAD' });
      h.account.disableProfile(a);
      const events = (await delivered()).flatMap((p) => (p.notifyType === 'SMDP_EVENT' ? [p.content] : []));
      const seq = (id: string) => events.filter((e) => e.esimTranNo === id).map((e) => e.seqNumber);
      expect(seq(a)).toEqual([1, 2, 3, 4, 5]);
      expect(seq(b)).toEqual([1]);
      expect(events[0]).toMatchObject({ notifyStatus: 'Executed-Success', timestamp: expect.any(String) });
    });

    it('reports a device disabling, enabling again and deleting its profile as SMDP_EVENT only', async () => {
      const { esimTranNos } = await orderAllocated(
        h,
        findBase(h.mock, (p) => p.activeType === 1),
      );
      const id = esimTranNos[0]!;
      h.account.installProfile(id);
      const from = (await delivered()).length;
      h.account.disableProfile(id);
      expect(await status(id)).toEqual(['IN_USE', 'DISABLED']);
      h.account.enableProfile(id);
      h.account.disableProfile(id);
      h.account.deleteProfile(id);
      expect(await status(id)).toEqual(['IN_USE', 'DELETED']);
      const events = await delivered(from);
      expect(pairs(events, 'SMDP_EVENT')).toEqual([
        ['IN_USE', 'DISABLED'],
        ['IN_USE', 'ENABLED'],
        ['IN_USE', 'DISABLED'],
        ['IN_USE', 'DELETED'],
      ]);
      expect(events.map((p) => p.notifyType)).not.toContain('ESIM_STATUS');
    });

    it('uses no data on a disabled or deleted profile, and a deleted one can neither come back nor be topped up', async () => {
      const base = findBase(h.mock, (p) => p.activeType === 1 && p.supportTopUpType === 2);
      const [topUp] = h.mock.catalog.topUpsFor(base);
      const { esimTranNos } = await orderAllocated(h, base);
      const id = esimTranNos[0]!;
      h.account.installProfile(id);
      h.account.disableProfile(id);
      expect(() => h.account.addUsage(id, 1)).toThrow(expect.objectContaining({ code: '200002' }));
      // Disabled is still "In use" in the documented state table: a top-up is allowed.
      await client.topUp({
        esimTranNo: id,
        packageCode: topUp!.packageCode,
        transactionId: 'while-disabled',
      });
      h.account.deleteProfile(id);
      expect(() => h.account.addUsage(id, 1)).toThrow(expect.objectContaining({ code: '200002' }));
      expect(() => h.account.enableProfile(id)).toThrow(expect.objectContaining({ code: '200002' }));
      await expect(
        client.topUp({ esimTranNo: id, packageCode: topUp!.packageCode, transactionId: 'after-delete' }),
      ).rejects.toMatchObject({ code: '200002' });
      expect((await query(id)).orderUsage).toBe(0);
    });

    it('keeps the device’s SM-DP+ status when a profile disabled while suspended is unsuspended', async () => {
      const { esimTranNos } = await orderAllocated(
        h,
        findBase(h.mock, (p) => p.activeType === 1),
      );
      const id = esimTranNos[0]!;
      h.account.installProfile(id);
      await client.suspend({ esimTranNo: id });
      h.account.disableProfile(id);
      await client.unsuspend({ esimTranNo: id });
      expect(await status(id)).toEqual(['IN_USE', 'DISABLED']);
    });

    const dayCases = [
      { dataType: 2, name: 'speed-reduced', past: 'IN_USE', capped: false, thresholds: [0.5, 0.2, 0.1] },
      { dataType: 3, name: 'cut-off', past: 'USED_UP', capped: true, thresholds: [0.5, 0.2, 0.1] },
      { dataType: 4, name: 'unlimited', past: 'IN_USE', capped: false, thresholds: [] },
    ] as const;

    it.each(dayCases)(
      'gives a dataType $dataType ($name) day pass a daily allowance that resets every 24 h from activation',
      async ({ dataType, past, capped, thresholds }) => {
        const pkg = dayPasses.passes[dataType];
        const id = await orderDayPass(pkg, 3);
        h.account.installProfile(id);
        expect(await query(id)).toMatchObject({ totalVolume: pkg.volume, totalDuration: 3, orderUsage: 0 });
        const from = (await delivered()).length;
        const [first, second] = [Math.ceil(pkg.volume * 0.9), Math.ceil(pkg.volume * 0.2)];
        h.account.addUsage(id, first);
        h.account.addUsage(id, second);
        const day1 = await delivered(from);
        const usage = day1.flatMap((p) => (p.notifyType === 'DATA_USAGE' ? [p.content] : []));
        expect(usage.map((u) => u.remainThreshold)).toEqual(thresholds);
        for (const u of usage) expect(u.totalVolume).toBe(pkg.volume);
        expect(await query(id)).toMatchObject({
          esimStatus: past,
          orderUsage: capped ? pkg.volume : first + second,
        });
        expect(pairs(day1, 'ESIM_STATUS')).toEqual(past === 'USED_UP' ? [['USED_UP', 'ENABLED']] : []);
        if (past === 'USED_UP') {
          expect(() => h.account.addUsage(id, 1)).toThrow(expect.objectContaining({ code: '200002' }));
        }

        await h.account.advance(DAY);
        expect(await query(id)).toMatchObject({
          esimStatus: 'IN_USE',
          orderUsage: 0,
          totalVolume: pkg.volume,
        });
        const [today] = await client.queryUsage({ esimTranNoList: [id] });
        expect(today).toMatchObject({ dataUsage: 0, totalData: pkg.volume });
        const day2 = await delivered(from + day1.length);
        expect(pairs(day2, 'ESIM_STATUS')).toEqual(past === 'USED_UP' ? [['IN_USE', 'ENABLED']] : []);
        h.account.addUsage(id, Math.ceil(pkg.volume * 0.5));
        const again = (await delivered(from + day1.length)).filter((p) => p.notifyType === 'DATA_USAGE');
        expect(again).toHaveLength(thresholds.length === 0 ? 0 : 1);
      },
    );

    it('ends a day pass after its periodNum days, keeping the last day’s usage', async () => {
      const pkg = dayPasses.passes[3];
      const id = await orderDayPass(pkg, 2);
      h.account.installProfile(id);
      await h.account.advance(DAY + 1_000);
      h.account.addUsage(id, pkg.volume);
      expect(await status(id)).toEqual(['USED_UP', 'ENABLED']);
      await h.account.advance(DAY);
      expect(await query(id)).toMatchObject({ esimStatus: 'USED_EXPIRED', orderUsage: pkg.volume });
      // The end of validity is no new day: no IN_USE between USED_UP and USED_EXPIRED.
      expect(pairs(hooks.payloads(), 'ESIM_STATUS').slice(-2)).toEqual([
        ['USED_UP', 'ENABLED'],
        ['USED_EXPIRED', 'ENABLED'],
      ]);
    });

    it('sends VALIDITY_USAGE on activation of a 1-day package (one day remains from the start), once', async () => {
      const pkg = dayPasses.passes[2];
      const id = await orderDayPass(pkg, 1);
      const from = (await delivered()).length;
      h.account.installProfile(id);
      const warned = (await delivered(from)).filter((p) => p.notifyType === 'VALIDITY_USAGE');
      expect(warned).toHaveLength(1);
      expect(warned[0]).toMatchObject({ content: { esimTranNo: id, remain: 1, totalDuration: 1 } });
      // Webhooks write `Z`, esim/query `+0000`: the same second.
      const expiry = (await query(id)).expiredTime?.slice(0, 19);
      expect(warned[0]?.notifyType === 'VALIDITY_USAGE' && warned[0].content.expiredTime.slice(0, 19)).toBe(
        expiry,
      );
      await h.account.advance(DAY);
      expect(hooks.types().filter((t) => t === 'VALIDITY_USAGE')).toHaveLength(1);
      expect(await status(id)).toEqual(['USED_EXPIRED', 'ENABLED']);
    });

    it('fills msisdn (15 digits, the IMSI’s tail) only for packages that take SMS (smsStatus 1 or 2)', async () => {
      const numbers: Record<number, string | null | undefined> = {};
      for (const smsStatus of [0, 1, 2]) {
        const { esimTranNos } = await orderAllocated(
          h,
          findBase(h.mock, (p) => p.smsStatus === smsStatus),
        );
        const profile = await query(esimTranNos[0]!);
        numbers[smsStatus] = profile.msisdn;
        if (smsStatus !== 0) expect(profile.msisdn?.slice(-7)).toBe(profile.imsi?.slice(-7));
      }
      expect(numbers).toEqual({
        0: '',
        1: expect.stringMatching(/^\d{15}$/),
        2: expect.stringMatching(/^\d{15}$/),
      });
    });

    it('refunds the eSIM and its top-ups when a never-installed profile is cancelled after a top-up', async () => {
      const base = findBase(h.mock, (p) => p.supportTopUpType === 2);
      const [topUp] = h.mock.catalog.topUpsFor(base);
      const before = (await client.getBalance()).balance;
      const { esimTranNos } = await orderAllocated(h, base);
      const id = esimTranNos[0]!;
      await client.topUp({ esimTranNo: id, packageCode: topUp!.packageCode, transactionId: 'before-cancel' });
      expect((await client.getBalance()).balance).toBe(before - base.price - topUp!.price);
      await client.cancel({ esimTranNo: id });
      expect((await client.getBalance()).balance).toBe(before);
      expect(await status(id)).toEqual(['CANCEL', 'RELEASED']);
    });
  });
}
