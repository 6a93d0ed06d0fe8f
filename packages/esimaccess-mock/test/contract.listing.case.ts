/**
 * esim/query with only a pager (every profile of the account, paged), package/list TOPUP with a base package's
 * packageCode or slug (the top-ups that fit it), and esim/sendSms refused to a profile that cannot receive SMS.
 */
import { ProviderError } from '@esim-sandbox/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findBase, type Harness, type MakeHarness, orderAllocated } from './support/harness.js';

export function runListingContract(mode: string, make: MakeHarness): void {
  describe(`listings and SMS (${mode})`, () => {
    let h: Harness;
    beforeEach(async () => {
      h = await make();
    });
    afterEach(() => h.close());

    it('lists every profile of the account, oldest first, for an esim/query with only a pager', async () => {
      const client = h.client();
      const first = await orderAllocated(
        h,
        findBase(h.mock, () => true),
        3,
      );
      const second = await orderAllocated(
        h,
        findBase(h.mock, (p) => p.location === 'JP'),
        4,
      );
      const pending = await client.order({
        transactionId: 'still-allocating',
        packageInfoList: [{ packageCode: findBase(h.mock, () => true).packageCode, count: 1 }],
      });
      const all = [...first.esimTranNos, ...second.esimTranNos];
      const page1 = await client.queryProfiles({ pager: { pageNum: 1, pageSize: 5 } });
      const page2 = await client.queryProfiles({ pager: { pageNum: 2, pageSize: 5 } });
      expect(page1.pager).toEqual({ pageNum: 1, pageSize: 5, total: 7 });
      expect(page2.pager).toEqual({ pageNum: 2, pageSize: 5, total: 7 });
      expect([...page1.esimList, ...page2.esimList].map((p) => p.esimTranNo)).toEqual(all);
      await expect(
        client.queryProfiles({ orderNo: pending.orderNo, pager: { pageNum: 1, pageSize: 5 } }),
      ).rejects.toMatchObject({ code: '200010' });
    });

    it('lists the top-ups that fit a base package for TOPUP with its packageCode or slug, as with its ICCID', async () => {
      const client = h.client();
      const base = findBase(h.mock, (p) => p.supportTopUpType === 2 && p.slug !== '');
      const { esimTranNos } = await orderAllocated(h, base);
      const byIccid = await client.listPackages({
        type: 'TOPUP',
        iccid: h.account.profile(esimTranNos[0]!).iccid,
      });
      expect(byIccid.length).toBeGreaterThan(0);
      expect(await client.listPackages({ type: 'TOPUP', packageCode: base.packageCode })).toEqual(byIccid);
      expect(await client.listPackages({ type: 'TOPUP', slug: base.slug })).toEqual(byIccid);
      const [one] = byIccid;
      expect(await client.listPackages({ type: 'TOPUP', packageCode: one!.packageCode })).toEqual([one]);
      expect(await client.listPackages({ type: 'BASE', packageCode: base.packageCode })).toEqual([base]);
      const without = findBase(h.mock, (p) => p.supportTopUpType === 1);
      expect(await client.listPackages({ type: 'TOPUP', packageCode: without.packageCode })).toEqual([]);
    });

    it('refuses an SMS with 200002 until the profile is installed and to a package without SMS', async () => {
      const { esimTranNos } = await orderAllocated(
        h,
        findBase(h.mock, (p) => p.smsStatus !== 0),
      );
      const esimTranNo = esimTranNos[0]!;
      const client = h.client();
      const refused = await client.sendSms({ esimTranNo, message: 'early' }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ProviderError);
      expect(refused).toMatchObject({ code: '200002' });
      h.account.installProfile(esimTranNo, { until: 'DOWNLOAD' });
      await expect(client.sendSms({ esimTranNo, message: 'downloaded' })).rejects.toMatchObject({
        code: '200002',
      });
      h.account.installProfile(esimTranNo);
      await client.sendSms({ esimTranNo, message: 'installed' });
      expect(h.account.state().sms.map((s) => s.message)).toEqual(['installed']);
      // Installed but its package has no SMS (smsStatus 0): refused too.
      const noSms = await orderAllocated(
        h,
        findBase(h.mock, (p) => p.smsStatus === 0),
      );
      h.account.installProfile(noSms.esimTranNos[0]!);
      await expect(client.sendSms({ esimTranNo: noSms.esimTranNos[0]!, message: 'x' })).rejects.toMatchObject(
        { code: '200002', message: expect.stringContaining('smsStatus 0') },
      );
      expect(h.account.state().sms).toHaveLength(1);
    });
  });
}
