import { describe, expect, it } from 'vitest';
import {
  type EsimAccessEndpointName,
  esimAccessEndpoints,
  findEsimAccessEndpointByPath,
} from '../src/esimaccess/endpoints.js';
import { validateEsimAccessRequest } from '../src/esimaccess/request-validation.js';

const order = (patch: Record<string, unknown> = {}) => ({
  transactionId: 'txn-1',
  packageInfoList: [{ packageCode: 'JC016', count: 1 }],
  ...patch,
});
const pager = { pageNum: 1, pageSize: 50 };

interface Case {
  name: string;
  endpoint: EsimAccessEndpointName;
  body: unknown;
  code: string;
  path: string;
}

/** What the fake answers for each kind of bad body (rules in request-validation.ts). */
const rejected: Case[] = [
  { name: 'a JSON string body', endpoint: 'getBalance', body: 'x', code: '000104', path: '' },
  { name: 'a JSON array body', endpoint: 'order', body: [], code: '000104', path: '' },
  {
    name: 'a missing transactionId',
    endpoint: 'order',
    body: { packageInfoList: order().packageInfoList },
    code: '000105',
    path: 'transactionId',
  },
  {
    name: 'a null transactionId',
    endpoint: 'order',
    body: order({ transactionId: null }),
    code: '000106',
    path: 'transactionId',
  },
  {
    name: 'a 51-character transactionId',
    endpoint: 'order',
    body: order({ transactionId: 'x'.repeat(51) }),
    code: '000107',
    path: 'transactionId',
  },
  {
    name: 'an empty packageInfoList',
    endpoint: 'order',
    body: order({ packageInfoList: [] }),
    code: '000107',
    path: 'packageInfoList',
  },
  {
    name: 'a package without code or slug',
    endpoint: 'order',
    body: order({ packageInfoList: [{ count: 1 }] }),
    code: '000105',
    path: 'packageInfoList[0].packageCode',
  },
  {
    name: 'count 0',
    endpoint: 'order',
    body: order({ packageInfoList: [{ slug: 'JP_1_7', count: 0 }] }),
    code: '200008',
    path: 'packageInfoList[0].count',
  },
  {
    name: 'a fractional price',
    endpoint: 'order',
    body: order({ packageInfoList: [{ packageCode: 'A', count: 1, price: 1.5 }] }),
    code: '200008',
    path: 'packageInfoList[0].price',
  },
  {
    name: 'an amount sent as text',
    endpoint: 'order',
    body: order({ amount: '15000' }),
    code: '200008',
    path: 'amount',
  },
  {
    name: '31 eSIMs over two lines',
    endpoint: 'order',
    body: order({
      packageInfoList: [
        { packageCode: 'A', count: 30 },
        { packageCode: 'B', count: 1 },
      ],
    }),
    code: '200008',
    path: 'packageInfoList',
  },
  {
    name: 'periodNum 366',
    endpoint: 'order',
    body: order({ packageInfoList: [{ packageCode: 'A', count: 1, periodNum: 366 }] }),
    code: '200008',
    path: 'packageInfoList[0].periodNum',
  },
  {
    name: 'a query without pager',
    endpoint: 'queryProfiles',
    body: { orderNo: 'B1' },
    code: '000105',
    path: 'pager',
  },
  {
    name: 'pageNum 0',
    endpoint: 'queryProfiles',
    body: { orderNo: 'B1', pager: { pageNum: 0, pageSize: 5 } },
    code: '000105',
    path: 'pager.pageNum',
  },
  {
    name: 'pageNum 10001',
    endpoint: 'queryProfiles',
    body: { orderNo: 'B1', pager: { pageNum: 10_001, pageSize: 5 } },
    code: '000105',
    path: 'pager.pageNum',
  },
  {
    name: 'pageSize 501',
    endpoint: 'queryProfiles',
    body: { orderNo: 'B1', pager: { pageNum: 1, pageSize: 501 } },
    code: '000105',
    path: 'pager.pageSize',
  },
  {
    name: 'startTime without endTime',
    endpoint: 'queryProfiles',
    body: { startTime: '2024-05-29T18:34:17+0000', pager },
    code: '000105',
    path: 'endTime',
  },
  {
    name: 'a startTime that is not a date',
    endpoint: 'queryProfiles',
    body: { startTime: 'monday', endTime: '2024-05-29T18:34:17Z', pager },
    code: '000105',
    path: 'startTime',
  },
  { name: 'cancel without identifier', endpoint: 'cancel', body: {}, code: '000105', path: 'esimTranNo' },
  {
    name: 'suspend with empty identifiers',
    endpoint: 'suspend',
    body: { iccid: '', esimTranNo: '' },
    code: '000105',
    path: 'esimTranNo',
  },
  {
    name: 'unsuspend with a numeric esimTranNo',
    endpoint: 'unsuspend',
    body: { esimTranNo: 24111319542101 },
    code: '000105',
    path: 'esimTranNo',
  },
  {
    name: 'revoke with a null iccid',
    endpoint: 'revoke',
    body: { iccid: null },
    code: '000106',
    path: 'iccid',
  },
  {
    name: 'sendSms without message',
    endpoint: 'sendSms',
    body: { esimTranNo: '1' },
    code: '000105',
    path: 'message',
  },
  {
    name: 'sendSms with an empty message',
    endpoint: 'sendSms',
    body: { esimTranNo: '1', message: '' },
    code: '000107',
    path: 'message',
  },
  {
    name: 'sendSms with 501 characters',
    endpoint: 'sendSms',
    body: { esimTranNo: '1', message: 'x'.repeat(501) },
    code: '000107',
    path: 'message',
  },
  {
    name: 'sendSms without identifier',
    endpoint: 'sendSms',
    body: { message: 'hi' },
    code: '000105',
    path: 'esimTranNo',
  },
  {
    name: 'topUp without transactionId',
    endpoint: 'topUp',
    body: { esimTranNo: '1', packageCode: 'TOPUP_A' },
    code: '000105',
    path: 'transactionId',
  },
  {
    name: 'topUp with a non-numeric amount',
    endpoint: 'topUp',
    body: { esimTranNo: '1', packageCode: 'TOPUP_A', transactionId: 't', amount: '1.5' },
    code: '200008',
    path: 'amount',
  },
  {
    name: 'usage of 0 profiles',
    endpoint: 'queryUsage',
    body: { esimTranNoList: [] },
    code: '000107',
    path: 'esimTranNoList',
  },
  {
    name: 'usage of 11 profiles',
    endpoint: 'queryUsage',
    body: { esimTranNoList: Array.from({ length: 11 }, (_, i) => `${i}`) },
    code: '000107',
    path: 'esimTranNoList',
  },
  {
    name: 'a webhook that is not a URL',
    endpoint: 'saveWebhook',
    body: { webhook: 'my server' },
    code: '000105',
    path: 'webhook',
  },
  {
    name: 'a webhook with ftp',
    endpoint: 'saveWebhook',
    body: { webhook: 'ftp://example.com/h' },
    code: '000105',
    path: 'webhook',
  },
  {
    name: 'a null webhook',
    endpoint: 'saveWebhook',
    body: { webhook: null },
    code: '000106',
    path: 'webhook',
  },
  {
    name: 'an unknown package type',
    endpoint: 'listPackages',
    body: { type: 'DAYPASS' },
    code: '000105',
    path: 'type',
  },
];

const accepted: { name: string; endpoint: EsimAccessEndpointName; body: unknown }[] = [
  {
    name: 'a package filter with empty strings',
    endpoint: 'listPackages',
    body: { locationCode: '', type: '', packageCode: '', slug: '', iccid: '' },
  },
  {
    name: 'the top-ups of a profile',
    endpoint: 'listPackages',
    body: { type: 'TOPUP', iccid: '89852245280000942210' },
  },
  {
    name: 'an order of exactly 30 eSIMs by slug',
    endpoint: 'order',
    body: order({ amount: 300000, packageInfoList: [{ slug: 'JP_1_7', count: 30, price: 10000 }] }),
  },
  {
    name: 'a day-pass order',
    endpoint: 'order',
    body: order({ packageInfoList: [{ packageCode: 'A', count: 1, periodNum: 365 }] }),
  },
  {
    name: 'a transactionId of exactly 50 characters',
    endpoint: 'order',
    body: order({ transactionId: 'x'.repeat(50) }),
  },
  {
    name: 'a query by time range',
    endpoint: 'queryProfiles',
    body: {
      startTime: '2024-05-01T00:00:00+0000',
      endTime: '2024-05-29T18:34:17Z',
      pager: { pageNum: 10_000, pageSize: 5 },
    },
  },
  {
    name: 'a query with only a pager (every profile of the account)',
    endpoint: 'queryProfiles',
    body: { pager: { pageNum: 1, pageSize: 5 } },
  },
  {
    name: 'a query whose filters are all empty strings',
    endpoint: 'queryProfiles',
    body: { orderNo: '', iccid: '', esimTranNo: '', pager: { pageNum: 1, pageSize: 5 } },
  },
  {
    name: 'a query by orderNo with half a time range beside it',
    endpoint: 'queryProfiles',
    body: { orderNo: 'B1', startTime: '2024-05-01T00:00:00+0000', pager: { pageNum: 1, pageSize: 5 } },
  },
  {
    name: 'a query by iccid with pageSize 500',
    endpoint: 'queryProfiles',
    body: { iccid: '8985', pager: { pageNum: 1, pageSize: 500 } },
  },
  {
    name: 'cancel by iccid with an empty esimTranNo',
    endpoint: 'cancel',
    body: { iccid: '8985', esimTranNo: '' },
  },
  {
    name: 'an SMS of exactly 500 characters',
    endpoint: 'sendSms',
    body: { iccid: '8985', message: 'x'.repeat(500) },
  },
  {
    name: 'a top-up with a text amount',
    endpoint: 'topUp',
    body: { esimTranNo: '1', packageCode: 'TOPUP_JC172', transactionId: 't', amount: '15000' },
  },
  {
    name: 'usage of 10 profiles',
    endpoint: 'queryUsage',
    body: { esimTranNoList: Array.from({ length: 10 }, (_, i) => `${i}`) },
  },
  {
    name: 'an http webhook on loopback',
    endpoint: 'saveWebhook',
    body: { webhook: 'http://127.0.0.1:8080/hook' },
  },
  { name: 'an empty balance body', endpoint: 'getBalance', body: {} },
  { name: 'an empty webhook query', endpoint: 'queryWebhook', body: {} },
  { name: 'an empty location body', endpoint: 'listLocations', body: {} },
];

describe('validateEsimAccessRequest', () => {
  it.each(rejected)(
    'answers $code for $name on $endpoint, naming "$path"',
    ({ endpoint, body, code, path }) => {
      const result = validateEsimAccessRequest(endpoint, body);
      expect(result.success).toBe(false);
      if (result.success) return;
      expect(result.error.code).toBe(code);
      expect(result.error.path).toBe(path);
      expect(result.error.message).toContain(path === '' ? 'request body' : path);
    },
  );

  it.each(accepted)('accepts $name on $endpoint', ({ endpoint, body }) => {
    const result = validateEsimAccessRequest(endpoint, body);
    expect(result.success ? 'ok' : result.error.message).toBe('ok');
  });

  it('puts the provider meaning first in the message', () => {
    const result = validateEsimAccessRequest('order', order({ transactionId: null }));
    expect(result.success ? '' : result.error.message).toMatch(/^Mandatory param null: transactionId \(/);
  });

  it('returns the parsed body on success, without unknown fields', () => {
    const result = validateEsimAccessRequest('cancel', { esimTranNo: '1', extra: true });
    expect(result).toEqual({ success: true, data: { esimTranNo: '1' } });
  });
});

describe('the endpoint table', () => {
  it('routes every endpoint path back to its name', () => {
    for (const [name, endpoint] of Object.entries(esimAccessEndpoints)) {
      expect(endpoint.path.startsWith('/api/v1/open/')).toBe(true);
      expect(findEsimAccessEndpointByPath(endpoint.path)).toBe(name);
    }
    expect(findEsimAccessEndpointByPath('/api/v1/open/esim/nothing')).toBeUndefined();
  });

  it('marks only reads and webhook/save as freely retryable and only order/topUp as idempotent by transactionId', () => {
    const bySafety = (safety: string) =>
      Object.entries(esimAccessEndpoints)
        .filter(([, e]) => e.retry === safety)
        .map(([name]) => name)
        .sort();
    expect(bySafety('idempotent-by-transaction-id')).toEqual(['order', 'topUp']);
    expect(bySafety('idempotent')).toEqual(['saveWebhook']);
    expect(bySafety('unsafe')).toEqual(['cancel', 'revoke', 'sendSms', 'suspend', 'unsuspend']);
    expect(bySafety('read')).toEqual(
      ['getBalance', 'listLocations', 'listPackages', 'queryProfiles', 'queryUsage', 'queryWebhook'].sort(),
    );
  });
});
