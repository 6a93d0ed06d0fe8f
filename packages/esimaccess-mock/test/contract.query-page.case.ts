/**
 * esim/query byte for byte (issue #20): the page is assembled from texts kept per profile, and must stay exactly the
 * bytes serialising it gives, the first time and every time after; and a page shows each change to a profile at
 * once, whatever made it (an endpoint, the device, the clock, a test editing the state).
 */
import type { EsimAccessClient, EsimAccessProfile } from '@esim-sandbox/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProfileRecord } from '../src/state/types.js';
import { findBase, type Harness, type MakeHarness, orderAllocated } from './support/harness.js';

/** The origin in profile links (the server's, or the real base URL under msw), as written in {@link PAGE}. */
const ORIGIN = '<origin>';

/** The two profiles of the order `page-bytes`, as the fake answered esim/query before issue #20 (and must still). */
const PROFILE_A =
  '{"esimTranNo":"25060112008814","orderNo":"B25060112001171","transactionId":"page-bytes",' +
  '"imsi":"310012197967047","iccid":"89105453293220564433","smsStatus":0,"msisdn":"",' +
  '"ac":"LPA:1$rsp-eu.redteamobile.com$F24A73813AD658C5F2F4EE667BCD1182",' +
  '"qrCodeUrl":"<origin>/qr/311386a416a616277518ec3b789f79cf.png",' +
  '"shortUrl":"<origin>/qr/311386a416a616277518ec3b789f79cf","smdpStatus":"RELEASED","eid":"",' +
  '"activeType":1,"dataType":1,"activateTime":null,"installationTime":null,' +
  '"expiredTime":"2025-11-28T12:00:02+0000","totalVolume":524288000,"totalDuration":1,' +
  '"durationUnit":"DAY","orderUsage":0,"esimStatus":"GOT_RESOURCE","pin":"7668","puk":"89538386",' +
  '"apn":"internet","packageList":[{"packageName":"United States 500MB 1Day","packageCode":"DH081",' +
  '"slug":"US_0.5_1","duration":1,"volume":524288000,"locationCode":"US",' +
  '"createTime":"2025-06-01T12:00:02+0000"}]}';

const PROFILE_B =
  '{"esimTranNo":"25060112008815","orderNo":"B25060112001171","transactionId":"page-bytes",' +
  '"imsi":"310090718738234","iccid":"89126028794309405788","smsStatus":0,"msisdn":"",' +
  '"ac":"LPA:1$rsp-eu.redteamobile.com$C5462AD963D9BEC2FD9980FFA50E0D29",' +
  '"qrCodeUrl":"<origin>/qr/5bff9e7417bcd464fc502daaa10c9197.png",' +
  '"shortUrl":"<origin>/qr/5bff9e7417bcd464fc502daaa10c9197","smdpStatus":"RELEASED","eid":"",' +
  '"activeType":1,"dataType":1,"activateTime":null,"installationTime":null,' +
  '"expiredTime":"2025-11-28T12:00:02+0000","totalVolume":524288000,"totalDuration":1,' +
  '"durationUnit":"DAY","orderUsage":0,"esimStatus":"GOT_RESOURCE","pin":"4181","puk":"23373763",' +
  '"apn":"internet","packageList":[{"packageName":"United States 500MB 1Day","packageCode":"DH081",' +
  '"slug":"US_0.5_1","duration":1,"volume":524288000,"locationCode":"US",' +
  '"createTime":"2025-06-01T12:00:02+0000"}]}';

const envelope = (esimList: string, total: number) =>
  `{"success":true,"errorCode":null,"errorMsg":null,"obj":{"esimList":${esimList},"pager":{"pageNum":1,"pageSize":5,"total":${total}}}}`;
const PAGE = envelope(`[${PROFILE_A},${PROFILE_B}]`, 2);

type Query = Parameters<EsimAccessClient['queryProfiles']>[0];

export function runQueryPageContract(mode: string, make: MakeHarness): void {
  describe(`esim/query pages byte for byte (${mode})`, () => {
    let h: Harness;
    beforeEach(async () => {
      h = await make();
    });
    afterEach(async () => {
      await h.close();
    });

    /** The answer's text exactly as received, with the origin of its links written as {@link ORIGIN}. */
    const pageText = async (query: Query): Promise<string> => {
      let text = '';
      const client = h.client({
        fetch: async (input, init) => {
          const res = await globalThis.fetch(input, init);
          text = await res.clone().text();
          return res;
        },
      });
      await client.queryProfiles(query);
      return text.replaceAll(h.baseUrl, ORIGIN);
    };

    const orderPage = async () => {
      const { orderNo } = await h.client().order({
        transactionId: 'page-bytes',
        packageInfoList: [{ packageCode: findBase(h.mock, () => true).packageCode, count: 2 }],
      });
      await h.account.advance(h.mock.behaviour.allocationDelayMs);
      return orderNo;
    };

    it('answers a page with exactly the pinned bytes, and the same bytes when asked again', async () => {
      const query = { orderNo: await orderPage(), pager: { pageNum: 1, pageSize: 5 } };
      expect(await pageText(query)).toBe(PAGE);
      expect(await pageText(query)).toBe(PAGE);
    });

    it('spells success as the envelope option says on an assembled page', async () => {
      await h.close();
      h = await make({ envelope: { success: 'string' } });
      const query = { orderNo: await orderPage(), pager: { pageNum: 1, pageSize: 5 } };
      expect(await pageText(query)).toBe(PAGE.replace('"success":true', '"success":"true"'));
    });

    it('answers the same bytes for the same profiles found by time range, by esimTranNo and by iccid', async () => {
      await orderPage();
      const range = { startTime: '2025-06-01T00:00:00+0000', endTime: '2025-06-02T00:00:00+0000' };
      expect(await pageText({ ...range, pager: { pageNum: 1, pageSize: 5 } })).toBe(PAGE);
      expect(await pageText({ esimTranNo: '25060112008814', pager: { pageNum: 1, pageSize: 5 } })).toBe(
        envelope(`[${PROFILE_A}]`, 1),
      );
      expect(await pageText({ iccid: '89126028794309405788', pager: { pageNum: 1, pageSize: 5 } })).toBe(
        envelope(`[${PROFILE_B}]`, 1),
      );
      expect(await pageText({ orderNo: 'B25060112001171', pager: { pageNum: 2, pageSize: 5 } })).toBe(
        envelope('[]', 2).replace('"pageNum":1', '"pageNum":2'),
      );
    });

    /** What a page shows of a profile, and what the account holds for it. */
    const shown = (p: EsimAccessProfile) => ({
      esimStatus: p.esimStatus,
      smdpStatus: p.smdpStatus,
      eid: p.eid,
      orderUsage: p.orderUsage,
      totalVolume: p.totalVolume,
      packages: p.packageList.length,
      apn: p.apn,
      installed: p.installationTime !== null,
    });
    const held = (p: ProfileRecord) => ({
      esimStatus: p.esimStatus,
      smdpStatus: p.smdpStatus,
      eid: p.eid,
      orderUsage: p.orderUsage,
      totalVolume: p.totalVolume,
      packages: p.packages.length,
      apn: p.apn,
      installed: p.installedAt !== null,
    });

    const changes: { what: string; change(h: Harness, esimTranNo: string): Promise<unknown> | unknown }[] = [
      { what: 'a device installs it', change: (h, id) => h.account.installProfile(id) },
      {
        what: 'data is used',
        change: (h, id) => {
          h.account.installProfile(id);
          h.account.addUsage(id, 1_000_000);
        },
      },
      { what: 'it is cancelled (esim/cancel)', change: (h, id) => h.client().cancel({ esimTranNo: id }) },
      {
        what: 'it is topped up (esim/topup)',
        change: (h, id) => {
          const top = h.mock.catalog.topUpsFor(
            h.mock.catalog.byCode(h.account.profile(id).basePackageCode)!,
          )[0]!;
          return h.client().topUp({
            esimTranNo: id,
            packageCode: top.packageCode,
            transactionId: 'page-top-up',
            amount: String(top.price),
          });
        },
      },
      {
        what: 'a test edits the account state directly',
        change: (h, id) => {
          h.mock.emulator.account(h.mock.accessCode).state.profiles[id]!.apn = 'edited.apn';
        },
      },
    ];

    it.each(changes)('shows the change on the next page when $what', async ({ change }) => {
      const base = findBase(h.mock, (p) => p.supportTopUpType === 2 && p.activeType === 1);
      const { orderNo, esimTranNos } = await orderAllocated(h, base, 2);
      const id = esimTranNos[0]!;
      const query = { orderNo, pager: { pageNum: 1, pageSize: 5 } };
      const page = async () => (await h.client().queryProfiles(query)).esimList.map(shown);
      const before = await page();
      await change(h, id);
      const after = await page();
      expect(after).not.toEqual(before);
      expect(after).toEqual(esimTranNos.map((each) => held(h.account.profile(each))));
    });
  });
}
