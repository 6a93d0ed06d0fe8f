/**
 * Input the live API is lenient about (null for an optional field, "" filters, an empty body, esim/query with only a
 * pager) and strict about (SMS to a profile never installed), and `behaviour.strictInput`, which restores the
 * documents' strict reading. Bodies are sent raw and signed, since a well-behaved client never sends most of them.
 */
import {
  ESIM_ACCESS_HEADERS,
  type EsimAccessEndpointName,
  esimAccessEndpoints,
  esimAccessSignatureHeaders,
} from '@esim-sandbox/core';
import { describe, expect, it } from 'vitest';
import type { EsimAccessMockOptions } from '../src/runtime/options.js';
import { findBase, type Harness, type MakeHarness, orderAllocated } from './support/harness.js';

interface Envelope {
  success: boolean;
  errorCode: string | null;
  errorMsg: string | null;
  obj: unknown;
}

let requests = 0;

/** POSTs `body` exactly as given, signed for the default account with the caller's clock, as real clients sign. */
async function send(h: Harness, name: EsimAccessEndpointName, body: unknown): Promise<Envelope> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const timestamp = String(Date.now());
  requests += 1;
  const requestId = `input${String(requests).padStart(27, '0')}`;
  const response = await fetch(`${h.baseUrl}${esimAccessEndpoints[name].path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [ESIM_ACCESS_HEADERS.accessCode]: h.mock.accessCode,
      ...esimAccessSignatureHeaders({
        timestamp,
        requestId,
        accessCode: h.mock.accessCode,
        body: raw,
        secretKey: h.mock.secretKey,
      }),
    },
    body: raw,
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Envelope;
}

const pager = { pageNum: 1, pageSize: 5 };
const STRICT: EsimAccessMockOptions = { behaviour: { strictInput: true } };

interface BodyCase {
  what: string;
  name: EsimAccessEndpointName;
  body(h: Harness, ids: Fixture): unknown;
}

interface Fixture {
  orderNo: string;
  esimTranNo: string;
  packageCode: string;
  topUpCode: string;
}

async function fixture(h: Harness): Promise<Fixture> {
  const base = findBase(h.mock, (p) => p.supportTopUpType === 2);
  const { orderNo, esimTranNos } = await orderAllocated(h, base);
  return {
    orderNo,
    esimTranNo: esimTranNos[0]!,
    packageCode: base.packageCode,
    topUpCode: h.mock.catalog.topUpsFor(base)[0]!.packageCode,
  };
}

/** Optional fields sent as null: accepted by default (live), 000106 naming the field with strictInput. */
const nullOptional: (BodyCase & { field: string })[] = [
  {
    what: 'package/list with locationCode null',
    name: 'listPackages',
    field: 'locationCode',
    body: () => ({ locationCode: null, type: 'BASE' }),
  },
  {
    what: 'esim/order with amount and price null',
    name: 'order',
    field: 'amount',
    body: (_, f) => ({
      transactionId: 'null-order',
      amount: null,
      packageInfoList: [{ packageCode: f.packageCode, count: 1, price: null }],
    }),
  },
  {
    what: 'esim/query with iccid, startTime and endTime null',
    name: 'queryProfiles',
    field: 'iccid',
    body: (_, f) => ({ orderNo: f.orderNo, iccid: null, startTime: null, endTime: null, pager }),
  },
  {
    what: 'esim/topup with iccid and amount null',
    name: 'topUp',
    field: 'iccid',
    body: (_, f) => ({
      esimTranNo: f.esimTranNo,
      iccid: null,
      packageCode: f.topUpCode,
      transactionId: 'null-top',
      amount: null,
    }),
  },
];

/** Required fields keep their documented answers, whatever the mode. */
const requiredCases: (BodyCase & { code: string; field: string })[] = [
  {
    what: 'esim/order with transactionId null',
    name: 'order',
    code: '000106',
    field: 'transactionId',
    body: (_, f) => ({ transactionId: null, packageInfoList: [{ packageCode: f.packageCode, count: 1 }] }),
  },
  {
    what: 'esim/order with a count null',
    name: 'order',
    code: '000106',
    field: 'packageInfoList[0].count',
    body: (_, f) => ({ transactionId: 't', packageInfoList: [{ packageCode: f.packageCode, count: null }] }),
  },
  {
    what: 'esim/query with pageSize null',
    name: 'queryProfiles',
    code: '000106',
    field: 'pager.pageSize',
    body: (_, f) => ({ orderNo: f.orderNo, pager: { pageNum: 1, pageSize: null } }),
  },
  {
    what: 'esim/order without transactionId',
    name: 'order',
    code: '000105',
    field: 'transactionId',
    body: (_, f) => ({ packageInfoList: [{ packageCode: f.packageCode, count: 1 }] }),
  },
  {
    what: 'esim/sendSms with message null',
    name: 'sendSms',
    code: '000106',
    field: 'message',
    body: (_, f) => ({ esimTranNo: f.esimTranNo, message: null }),
  },
];

/** Endpoints whose request has no required field: an empty body is `{}` by default, 000104 with strictInput. */
const noParams: EsimAccessEndpointName[] = ['getBalance', 'listLocations', 'queryWebhook', 'listPackages'];

export function runInputContract(mode: string, make: MakeHarness): void {
  /** Runs `check` against a fresh mock, closed afterwards; tests compare the default mode with strictInput. */
  const withMock = async (options: EsimAccessMockOptions, check: (h: Harness) => Promise<void>) => {
    const h = await make(options);
    try {
      await check(h);
    } finally {
      await h.close();
    }
  };

  describe(`lenient and strict input (${mode})`, () => {
    it.each(nullOptional)(
      'takes null as absent in $what, and answers 000106 naming $field when strictInput is on',
      async (c) => {
        await withMock({}, async (h) => {
          const envelope = await send(h, c.name, c.body(h, await fixture(h)));
          expect(envelope).toMatchObject({ success: true, errorCode: null });
        });
        await withMock(STRICT, async (h) => {
          const envelope = await send(h, c.name, c.body(h, await fixture(h)));
          expect(envelope).toMatchObject({ success: false, errorCode: '000106' });
          expect(envelope.errorMsg).toContain(c.field);
        });
      },
    );

    it('takes null as absent only for optional fields: 000106 for a required one, 000105 for a missing one', async () => {
      await withMock({}, async (h) => {
        const f = await fixture(h);
        const order = (transactionId: string | null) =>
          send(h, 'order', {
            transactionId,
            amount: null,
            packageInfoList: [{ packageCode: f.packageCode, count: 1, periodNum: null }],
          });
        expect(await order('optional-null')).toMatchObject({ success: true });
        const requiredNull = await order(null);
        expect(requiredNull).toMatchObject({ success: false, errorCode: '000106' });
        expect(requiredNull.errorMsg).toContain('transactionId');
        for (const c of requiredCases) {
          const envelope = await send(h, c.name, c.body(h, f));
          expect(envelope, c.what).toMatchObject({ success: false, errorCode: c.code });
          expect(envelope.errorMsg, c.what).toContain(c.field);
        }
      });
    });

    it('answers the same for empty-string filters as without them, and takes them literally when strictInput is on', async () => {
      await withMock({}, async (h) => {
        const f = await fixture(h);
        const blank = { locationCode: '', type: '', packageCode: '', slug: '', iccid: '', dataType: '' };
        const packages = await send(h, 'listPackages', blank);
        expect(packages).toEqual(await send(h, 'listPackages', {}));
        expect((packages.obj as { packageList: unknown[] }).packageList.length).toBeGreaterThan(0);
        const query = await send(h, 'queryProfiles', {
          orderNo: f.orderNo,
          iccid: '',
          esimTranNo: '',
          startTime: '',
          endTime: '',
          pager,
        });
        expect(query.obj).toMatchObject({ esimList: [{ esimTranNo: f.esimTranNo }], pager: { total: 1 } });
        expect(await send(h, 'queryProfiles', { orderNo: '', pager })).toMatchObject({
          obj: { esimList: [{ esimTranNo: f.esimTranNo }], pager: { total: 1 } },
        });
        const order = await send(h, 'order', {
          transactionId: 'blank-amount',
          amount: '',
          packageInfoList: [{ packageCode: f.packageCode, slug: '', count: 1 }],
        });
        expect(order).toMatchObject({ success: true });
      });
      await withMock(STRICT, async (h) => {
        await fixture(h);
        expect((await send(h, 'listPackages', { locationCode: '' })).obj).toEqual({ packageList: [] });
        expect((await send(h, 'listPackages', { type: 'BASE', packageCode: '' })).obj).toEqual({
          packageList: [],
        });
        expect(await send(h, 'queryProfiles', { orderNo: '', pager })).toMatchObject({ errorCode: '310272' });
        expect(await send(h, 'queryProfiles', { iccid: '', pager })).toMatchObject({
          obj: { esimList: [], pager: { total: 0 } },
        });
      });
    });

    it.each(noParams)(
      'takes an empty body to %s as {}, and answers 000104 when strictInput is on',
      async (name) => {
        await withMock({}, async (h) => {
          const empty = await send(h, name, '');
          expect(empty).toMatchObject({ success: true });
          expect(empty).toEqual(await send(h, name, '{}'));
        });
        await withMock(STRICT, async (h) => {
          expect(await send(h, name, '')).toMatchObject({ success: false, errorCode: '000104' });
        });
      },
    );

    it('reads input as strictly as strictInput under the documented fidelity profile, unless told otherwise', async () => {
      const body = { locationCode: null, type: 'BASE' };
      await withMock({ fidelity: 'documented' }, async (h) => {
        expect(await send(h, 'listPackages', body)).toMatchObject({ success: false, errorCode: '000106' });
        expect(await send(h, 'getBalance', '')).toMatchObject({ success: false, errorCode: '000104' });
      });
      await withMock({ fidelity: 'documented', behaviour: { strictInput: false } }, async (h) => {
        expect(await send(h, 'listPackages', body)).toMatchObject({ success: true });
      });
    });

    it('still answers 000104 to an empty body where the request has required fields', async () => {
      await withMock({}, async (h) => {
        expect(await send(h, 'getBalance', '')).toMatchObject({ success: true });
        for (const name of ['queryProfiles', 'order', 'cancel', 'sendSms'] as const) {
          expect(await send(h, name, ''), name).toMatchObject({ success: false, errorCode: '000104' });
        }
      });
    });
  });
}
