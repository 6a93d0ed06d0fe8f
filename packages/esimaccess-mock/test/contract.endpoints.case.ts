/**
 * Every endpoint, answered correctly, through core's EsimAccessClient. Shared by the HTTP and msw modes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findBase, type Harness, type MakeHarness, orderAllocated, startHooks } from './support/harness.js';

export function runEndpointContract(mode: string, make: MakeHarness): void {
  describe(`endpoints (${mode})`, () => {
    let h: Harness;
    beforeEach(async () => {
      h = await make();
    });
    afterEach(() => h.close());

    it('lists base packages of a country, each priced in 1/10,000 USD', async () => {
      const packages = await h.client().listPackages({ locationCode: 'JP', type: 'BASE' });
      expect(packages.length).toBeGreaterThan(1);
      for (const pkg of packages) {
        expect(pkg.location).toBe('JP');
        expect(Number.isInteger(pkg.price)).toBe(true);
      }
    });

    it('filters packages by packageCode, slug, !RG and !GL, the way partners send them (unused filters as "")', async () => {
      const client = h.client();
      const [first] = await client.listPackages({ locationCode: 'FR' });
      expect(
        await client.listPackages({ packageCode: first!.packageCode, slug: '', locationCode: '' }),
      ).toEqual([first]);
      expect(await client.listPackages({ slug: first!.slug })).toEqual([first]);
      const regional = await client.listPackages({ locationCode: '!RG' });
      expect(regional.length).toBeGreaterThan(0);
      expect(regional.every((p) => p.location.includes(','))).toBe(true);
      const global = await client.listPackages({ locationCode: '!GL' });
      expect(global.every((p) => p.name.startsWith('Global'))).toBe(true);
    });

    it('lists the top-ups that fit a profile when asked with its ICCID', async () => {
      const base = findBase(h.mock, (p) => p.supportTopUpType === 2);
      const { esimTranNos } = await orderAllocated(h, base);
      const iccid = h.account.profile(esimTranNos[0]!).iccid;
      const topUps = await h.client().listPackages({ type: 'TOPUP', iccid });
      expect(topUps.length).toBeGreaterThan(0);
      expect(topUps.every((p) => p.packageCode.startsWith('TOPUP_') && p.location === base.location)).toBe(
        true,
      );
    });

    it('lists countries and regions with their members', async () => {
      const locations = await h.client().listLocations();
      expect(locations).toContainEqual(expect.objectContaining({ code: 'ES', name: 'Spain', type: 1 }));
      const northAmerica = locations.find((l) => l.code === 'NA-3');
      expect(northAmerica?.subLocationList?.map((s) => s.code)).toEqual(['US', 'CA', 'MX']);
    });

    it('answers the balance, which an order lowers by exactly its price', async () => {
      const client = h.client();
      const pkg = findBase(h.mock, () => true);
      const { balance } = await client.getBalance();
      await client.order({
        transactionId: 'bal-1',
        amount: pkg.price * 2,
        packageInfoList: [{ packageCode: pkg.packageCode, count: 2, price: pkg.price }],
      });
      expect((await client.getBalance()).balance).toBe(balance - 2 * pkg.price);
    });

    it('orders, then queries the allocated profiles by orderNo, iccid, esimTranNo and time range, paged', async () => {
      const client = h.client();
      const pkg = findBase(h.mock, () => true);
      const { orderNo, esimTranNos } = await orderAllocated(h, pkg, 6);
      const pager = { pageNum: 1, pageSize: 5 };
      const first = await client.queryProfiles({ orderNo, pager });
      expect(first.pager).toEqual({ pageNum: 1, pageSize: 5, total: 6 });
      expect(first.esimList).toHaveLength(5);
      expect(
        (await client.queryProfiles({ orderNo, pager: { pageNum: 2, pageSize: 5 } })).esimList,
      ).toHaveLength(1);
      const profile = first.esimList[0]!;
      expect(profile).toMatchObject({
        orderNo,
        esimTranNo: esimTranNos[0],
        esimStatus: 'GOT_RESOURCE',
        smdpStatus: 'RELEASED',
      });
      expect(profile.iccid).toMatch(/^89\d{18}$/);
      expect(profile.ac).toMatch(/^LPA:1\$rsp-eu\.redteamobile\.com\$[0-9A-F]{32}$/);
      expect(
        (await client.queryProfiles({ iccid: profile.iccid, pager })).esimList.map((p) => p.esimTranNo),
      ).toEqual([profile.esimTranNo]);
      expect((await client.queryProfiles({ esimTranNo: profile.esimTranNo, pager })).pager.total).toBe(1);
      const range = { startTime: '2025-06-01T00:00:00+0000', endTime: '2025-06-02T00:00:00+0000' };
      expect(
        (await client.queryProfiles({ ...range, pager: { pageNum: 1, pageSize: 50 } })).pager.total,
      ).toBe(6);
    });

    it("serves the profile's QR code as a real PNG at its qrCodeUrl", async () => {
      const { esimTranNos } = await orderAllocated(
        h,
        findBase(h.mock, () => true),
      );
      const [profile] = (
        await h.client().queryProfiles({ esimTranNo: esimTranNos[0], pager: { pageNum: 1, pageSize: 5 } })
      ).esimList;
      const res = await fetch(profile!.qrCodeUrl);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect([...new Uint8Array(await res.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    });

    it('cancels, suspends, unsuspends and revokes profiles', async () => {
      const client = h.client();
      const { esimTranNos } = await orderAllocated(
        h,
        findBase(h.mock, () => true),
        2,
      );
      const [a, b] = esimTranNos as [string, string];
      await client.cancel({ esimTranNo: a });
      expect(h.account.profile(a).esimStatus).toBe('CANCEL');
      await client.suspend({ iccid: h.account.profile(b).iccid });
      expect(h.account.profile(b).esimStatus).toBe('SUSPENDED');
      await client.unsuspend({ esimTranNo: b });
      expect(h.account.profile(b).esimStatus).toBe('GOT_RESOURCE');
      await client.revoke({ esimTranNo: b });
      expect(h.account.profile(b)).toMatchObject({ esimStatus: 'REVOKED', smdpStatus: 'DELETED' });
    });

    it('tops up a profile and reports the new cumulative totals', async () => {
      const base = findBase(h.mock, (p) => p.supportTopUpType === 2);
      const { esimTranNos } = await orderAllocated(h, base);
      const [topUpPkg] = h.mock.catalog.topUpsFor(base);
      const result = await h.client().topUp({
        esimTranNo: esimTranNos[0]!,
        packageCode: topUpPkg!.packageCode,
        transactionId: 'top-1',
        amount: String(topUpPkg!.price),
      });
      expect(result).toMatchObject({
        transactionId: 'top-1',
        totalVolume: base.volume + topUpPkg!.volume,
        totalDuration: base.duration + topUpPkg!.duration,
        orderUsage: 0,
      });
    });

    it('sends an SMS to an installed profile, recorded in the SMS log', async () => {
      const { esimTranNos } = await orderAllocated(
        h,
        findBase(h.mock, (p) => p.smsStatus !== 0),
      );
      h.account.installProfile(esimTranNos[0]!);
      await h.client().sendSms({ esimTranNo: esimTranNos[0]!, message: 'Welcome!' });
      expect(h.account.state().sms).toEqual([
        expect.objectContaining({ esimTranNo: esimTranNos[0], message: 'Welcome!' }),
      ]);
    });

    it('reports usage for up to 10 profiles, leaving unknown ones out', async () => {
      const pkg = findBase(h.mock, (p) => p.activeType === 2);
      const { esimTranNos } = await orderAllocated(h, pkg);
      const id = esimTranNos[0]!;
      h.account.installProfile(id);
      h.account.addUsage(id, 1_000_000);
      const usage = await h.client().queryUsage({ esimTranNoList: [id, '00000000000000'] });
      expect(usage).toEqual([
        {
          esimTranNo: id,
          dataUsage: 1_000_000,
          totalData: pkg.volume,
          lastUpdateTime: '2025-06-01T12:00:02+0000',
        },
      ]);
    });

    it('saves a webhook URL after a successful CHECK_HEALTH, and shows it', async () => {
      const hooks = await startHooks();
      try {
        await h.client().saveWebhook({ webhook: hooks.receiver.url });
        expect(hooks.payloads()).toEqual([
          expect.objectContaining({
            notifyType: 'CHECK_HEALTH',
            content: { orderNo: '1234567890', orderStatus: 'Test' },
          }),
        ]);
        expect(await h.client().queryWebhook()).toEqual({ webhook: hooks.receiver.url });
      } finally {
        await hooks.receiver.close();
      }
    });

    it('refuses a webhook URL whose CHECK_HEALTH fails and keeps the old one', async () => {
      const hooks = await startHooks();
      try {
        hooks.receiver.respondWith(500);
        await expect(h.client().saveWebhook({ webhook: hooks.receiver.url })).rejects.toMatchObject({
          code: '000105',
        });
        expect(await h.client().queryWebhook()).toEqual({ webhook: null });
      } finally {
        await hooks.receiver.close();
      }
    });
  });
}
