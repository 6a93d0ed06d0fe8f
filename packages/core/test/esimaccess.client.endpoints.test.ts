import { describe, expect, it } from 'vitest';
import type { EsimAccessClient } from '../src/esimaccess/client.js';
import { aPackage, aProfile, aTopUp, profiles } from './esimaccess/fixtures.js';
import { expectSignedRequest, makeClient, ok, useEsimAccessServer } from './esimaccess/harness.js';

const { answer, seen } = useEsimAccessServer();

interface EndpointCase {
  method: string;
  path: string;
  call: (client: EsimAccessClient) => Promise<unknown>;
  /** The JSON body that must arrive on the wire. */
  sent: unknown;
  /** The envelope's `obj`. */
  obj: unknown;
  /** What the method resolves to. */
  result: unknown;
}

const usage = {
  esimTranNo: '25030303480009',
  dataUsage: 1453344832,
  totalData: 5368709120,
  lastUpdateTime: '2025-03-19T18:00:00+0000',
};
const locations = [
  { code: 'ES', name: 'Spain', type: 1 },
  { code: 'NA-3', name: 'North America', type: 2, subLocationList: [{ code: 'US', name: 'United States' }] },
];
const queryObj = { esimList: [aProfile()], pager: { pageNum: 1, pageSize: 50, total: 1 } };

const cases: EndpointCase[] = [
  {
    method: 'listPackages',
    path: '/package/list',
    call: (c) => c.listPackages({ locationCode: 'JP', type: 'BASE' }),
    sent: { locationCode: 'JP', type: 'BASE' },
    obj: { packageList: [aPackage()] },
    result: [aPackage()],
  },
  {
    method: 'listPackages (no filter)',
    path: '/package/list',
    call: (c) => c.listPackages(),
    sent: {},
    obj: { packageList: [] },
    result: [],
  },
  {
    method: 'order',
    path: '/esim/order',
    call: (c) =>
      c.order({
        transactionId: 'your_txn_id',
        amount: 15000,
        packageInfoList: [{ packageCode: 'JC016', count: 1, price: 15000 }],
      }),
    sent: {
      transactionId: 'your_txn_id',
      amount: 15000,
      packageInfoList: [{ packageCode: 'JC016', count: 1, price: 15000 }],
    },
    obj: { orderNo: 'B22102010075311', transactionId: 'your_txn_id' },
    result: { orderNo: 'B22102010075311', transactionId: 'your_txn_id' },
  },
  {
    method: 'queryProfiles',
    path: '/esim/query',
    call: (c) => c.queryProfiles({ orderNo: 'B2210206381924', pager: { pageNum: 1, pageSize: 50 } }),
    sent: { orderNo: 'B2210206381924', pager: { pageNum: 1, pageSize: 50 } },
    obj: queryObj,
    result: queryObj,
  },
  {
    method: 'cancel',
    path: '/esim/cancel',
    call: (c) => c.cancel({ esimTranNo: '24111319542101' }),
    sent: { esimTranNo: '24111319542101' },
    obj: {},
    result: undefined,
  },
  {
    method: 'suspend',
    path: '/esim/suspend',
    call: (c) => c.suspend({ iccid: '89852245280001138065' }),
    sent: { iccid: '89852245280001138065' },
    obj: {},
    result: undefined,
  },
  {
    method: 'unsuspend',
    path: '/esim/unsuspend',
    call: (c) => c.unsuspend({ esimTranNo: '24111319542101' }),
    sent: { esimTranNo: '24111319542101' },
    obj: null,
    result: undefined,
  },
  {
    method: 'revoke',
    path: '/esim/revoke',
    call: (c) => c.revoke({ esimTranNo: '24111319542101' }),
    sent: { esimTranNo: '24111319542101' },
    obj: {},
    result: undefined,
  },
  {
    method: 'getBalance',
    path: '/balance/query',
    call: (c) => c.getBalance(),
    sent: {},
    obj: { balance: 940000 },
    result: { balance: 940000 },
  },
  {
    method: 'topUp',
    path: '/esim/topup',
    call: (c) =>
      c.topUp({
        esimTranNo: '24111319542101',
        packageCode: 'TOPUP_JC172',
        transactionId: '1747191693771_topup_partner7',
      }),
    sent: {
      esimTranNo: '24111319542101',
      packageCode: 'TOPUP_JC172',
      transactionId: '1747191693771_topup_partner7',
    },
    obj: aTopUp(),
    result: aTopUp(),
  },
  {
    method: 'listLocations',
    path: '/location/list',
    call: (c) => c.listLocations(),
    sent: {},
    obj: { locationList: locations },
    result: locations,
  },
  {
    method: 'sendSms',
    path: '/esim/sendSms',
    call: (c) => c.sendSms({ esimTranNo: '23072017992029', message: 'Your Message!' }),
    sent: { esimTranNo: '23072017992029', message: 'Your Message!' },
    obj: {},
    result: undefined,
  },
  {
    method: 'queryUsage',
    path: '/esim/usage/query',
    call: (c) => c.queryUsage({ esimTranNoList: ['25030303480009'] }),
    sent: { esimTranNoList: ['25030303480009'] },
    obj: { esimUsageList: [usage] },
    result: [usage],
  },
  {
    method: 'queryUsage (bare-array obj)',
    path: '/esim/usage/query',
    call: (c) => c.queryUsage({ esimTranNoList: ['25030303480009'] }),
    sent: { esimTranNoList: ['25030303480009'] },
    obj: [usage],
    result: [usage],
  },
  {
    method: 'saveWebhook',
    path: '/webhook/save',
    call: (c) => c.saveWebhook({ webhook: 'https://your-server.com/webhook-endpoint' }),
    sent: { webhook: 'https://your-server.com/webhook-endpoint' },
    obj: {},
    result: undefined,
  },
  {
    method: 'queryWebhook',
    path: '/webhook/query',
    call: (c) => c.queryWebhook(),
    sent: {},
    obj: { webhook: 'https://your-server.com/webhook-endpoint' },
    result: { webhook: 'https://your-server.com/webhook-endpoint' },
  },
];

describe('EsimAccessClient endpoints', () => {
  it.each(cases)('$method sends a signed POST to $path and decodes the answer', async (tc) => {
    answer(tc.path, ok(tc.obj));
    const result = await tc.call(makeClient());
    expect(result).toEqual(tc.result);
    expect(seen).toHaveLength(1);
    expectSignedRequest(seen[0], tc.path, tc.sent);
  });

  it('covers every endpoint of the client', () => {
    const covered = new Set(cases.map((tc) => tc.method.split(' ')[0]));
    expect([...covered].sort()).toEqual(
      [
        'cancel',
        'getBalance',
        'listLocations',
        'listPackages',
        'order',
        'queryProfiles',
        'queryUsage',
        'queryWebhook',
        'revoke',
        'saveWebhook',
        'sendSms',
        'suspend',
        'topUp',
        'unsuspend',
      ].sort(),
    );
  });

  it('uses the injected clock for RT-Timestamp, in milliseconds', async () => {
    answer('/balance/query', ok({ balance: 1 }));
    await makeClient({ now: () => 1_628_670_421_123 }).getBalance();
    expect(seen[0]?.timestamp).toBe('1628670421123');
  });

  it('sends only RT-AccessCode in access-code-only mode, with no secret needed', async () => {
    answer('/balance/query', ok({ balance: 5 }));
    const client = makeClient({ signing: 'access-code-only', secretKey: undefined });
    await expect(client.getBalance()).resolves.toEqual({ balance: 5 });
    expect(seen[0]).toMatchObject({
      accessCode: 'ak_test_0001',
      timestamp: null,
      requestId: null,
      signature: null,
    });
  });

  it('drops unknown response fields instead of rejecting them', async () => {
    answer('/balance/query', ok({ balance: 7, currency: 'USD', newField: { nested: true } }));
    await expect(makeClient().getBalance()).resolves.toEqual({ balance: 7 });
  });
});

describe('EsimAccessClient.iterateProfiles', () => {
  it('walks three pages until total profiles were seen', async () => {
    const all = profiles(12);
    const pages = [all.slice(0, 5), all.slice(5, 10), all.slice(10)];
    answer(
      '/esim/query',
      ...pages.map((esimList, i) => ok({ esimList, pager: { pageNum: i + 1, pageSize: 5, total: 12 } })),
    );
    const client = makeClient();
    const got: string[] = [];
    for await (const profile of client.iterateProfiles({
      orderNo: 'B23120118131854',
      pager: { pageSize: 5 },
    })) {
      got.push(profile.esimTranNo);
    }
    expect(got).toEqual(all.map((p) => p.esimTranNo));
    expect(seen.map((w) => JSON.parse(w.rawBody))).toEqual(
      [1, 2, 3].map((pageNum) => ({
        orderNo: 'B23120118131854',
        pager: { pageNum, pageSize: 5 },
      })),
    );
    for (const wire of seen) expect(wire.signature).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stops after an empty page even if total claims more', async () => {
    answer(
      '/esim/query',
      ok({ esimList: profiles(5), pager: { pageNum: 1, pageSize: 5, total: 50 } }),
      ok({ esimList: [], pager: { pageNum: 2, pageSize: 5, total: 50 } }),
    );
    const pages = [];
    for await (const page of makeClient().iterateProfilePages({
      iccid: '89852245280000942210',
      pager: { pageSize: 5 },
    })) {
      pages.push(page.esimList.length);
    }
    expect(pages).toEqual([5, 0]);
    expect(seen).toHaveLength(2);
  });
});
