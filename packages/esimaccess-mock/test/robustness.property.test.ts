/**
 * Property: whatever arrives at an endpoint (any method, any headers, any body, signed or not), the mock answers an
 * HTTP 200 envelope with a code from the provider's table, never a crash, and the money and profiles do not move.
 */
import { randomUUID } from 'node:crypto';
import {
  ESIM_ACCESS_HEADERS,
  esimAccessEndpoints,
  isEsimAccessErrorCode,
  signEsimAccessRequest,
} from '@esim-sandbox/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEsimAccessMock, type EsimAccessMock } from '../src/index.js';
import { findBase } from './support/harness.js';

const paths = Object.values(esimAccessEndpoints).map((e) => e.path);

let mock: EsimAccessMock;
beforeAll(async () => {
  // Hundreds of generated requests at once: with the 8 req/s limit on, most would only exercise 900001.
  mock = createEsimAccessMock({
    clock: 'manual',
    startTime: '2025-06-01T12:00:00Z',
    seed: 'property',
    rateLimit: null,
  });
  const account = mock.control.account();
  const pkg = findBase(mock, () => true);
  // Something to protect: an allocated order with profiles, and a balance already spent from.
  const { tenant } = account;
  const body = JSON.stringify({
    transactionId: 'seed-order',
    packageInfoList: [{ packageCode: pkg.packageCode, count: 2 }],
  });
  const res = await mock.request(esimAccessEndpoints.order.path, {
    method: 'POST',
    headers: signed(body),
    body,
  });
  expect(((await res.json()) as { success: boolean }).success).toBe(true);
  await tenant.advance(10_000);
});
afterAll(() => mock.close());

function signed(body: string): Record<string, string> {
  const timestamp = String(Date.now());
  const requestId = randomUUID().replaceAll('-', '');
  return {
    [ESIM_ACCESS_HEADERS.accessCode]: mock.accessCode,
    [ESIM_ACCESS_HEADERS.timestamp]: timestamp,
    [ESIM_ACCESS_HEADERS.requestId]: requestId,
    [ESIM_ACCESS_HEADERS.signature]: signEsimAccessRequest({
      timestamp,
      requestId,
      accessCode: mock.accessCode,
      body,
      secretKey: mock.secretKey,
    }),
  };
}

const headerValue = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }),
  fc.integer().map(String),
);
const randomHeaders = fc.dictionary(
  fc.constantFrom(...Object.values(ESIM_ACCESS_HEADERS), 'Content-Type', 'X-Forwarded-For'),
  headerValue.filter((v) => /^[\t\x20-\x7e]*$/.test(v)),
);
/** Ids that are names of JavaScript built-ins: they must be unknown ids like any other. */
const BUILT_IN_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
/** Field values near what the endpoints expect, so signed requests get past parsing into validation and the ops. */
const fieldValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(...BUILT_IN_NAMES),
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 20 }),
  fc.record({ pageNum: fc.integer({ min: -1, max: 3 }), pageSize: fc.integer({ min: 0, max: 600 }) }),
  fc.array(
    fc.record({ packageCode: fc.string(), count: fc.integer({ min: -1, max: 40 }), price: fc.integer() }),
    { maxLength: 3 },
  ),
  fc.constantFrom(null, '', 'BASE', 'TOPUP', '!RG', 'JP', 'http://127.0.0.1:9/hook'),
);
const fields = fc.dictionary(
  fc.constantFrom(
    'orderNo',
    'iccid',
    'esimTranNo',
    'pager',
    'transactionId',
    'packageInfoList',
    'webhook',
    'message',
    'esimTranNoList',
    'packageCode',
    'amount',
    'type',
    'locationCode',
    'startTime',
    'endTime',
  ),
  fieldValue,
);
const body = fc.oneof(
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.json() },
  { weight: 6, arbitrary: fields.map((o) => JSON.stringify(o)) },
);
const request = fc.record({
  method: fc.oneof(
    { weight: 6, arbitrary: fc.constant('POST') },
    { weight: 1, arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH') },
  ),
  path: fc.constantFrom(...paths),
  body,
  auth: fc.oneof(
    { weight: 4, arbitrary: fc.constant('signed') },
    { weight: 1, arbitrary: fc.constantFrom('random', 'access-code-only') },
  ),
  headers: randomHeaders,
});

type Request = typeof request extends fc.Arbitrary<infer R> ? R : never;

/** Every built-in name as each id of the endpoints that look ids up, signed, so each reaches the operation. */
const builtInExamples: [Request][] = BUILT_IN_NAMES.flatMap((name) =>
  [
    [esimAccessEndpoints.queryProfiles.path, { orderNo: name, pager: { pageNum: 1, pageSize: 5 } }],
    [esimAccessEndpoints.queryProfiles.path, { esimTranNo: name, pager: { pageNum: 1, pageSize: 5 } }],
    [esimAccessEndpoints.queryProfiles.path, { iccid: name, pager: { pageNum: 1, pageSize: 5 } }],
    [esimAccessEndpoints.suspend.path, { esimTranNo: name }],
    [esimAccessEndpoints.cancel.path, { iccid: name }],
    [esimAccessEndpoints.queryUsage.path, { esimTranNoList: [name] }],
    [
      esimAccessEndpoints.order.path,
      { transactionId: name, packageInfoList: [{ packageCode: 'NOPE', count: 1 }] },
    ],
    [esimAccessEndpoints.topUp.path, { esimTranNo: name, packageCode: 'TOPUP_NOPE', transactionId: name }],
  ].map(([path, body]): [Request] => [
    { method: 'POST', path: path as string, body: JSON.stringify(body), auth: 'signed', headers: {} },
  ]),
);

describe('any request to any endpoint', () => {
  it('gets a 200 envelope with a documented code and leaves balance, orders and profiles unchanged', async () => {
    const before = mock.control.account().state();
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const sentBody = r.method === 'GET' ? '' : r.body;
        const headers =
          r.auth === 'signed'
            ? signed(sentBody)
            : r.auth === 'access-code-only'
              ? { ...r.headers, [ESIM_ACCESS_HEADERS.accessCode]: mock.accessCode }
              : r.headers;
        const res = await mock.request(r.path, {
          method: r.method,
          headers,
          body: r.method === 'GET' ? null : sentBody,
        });
        expect(res.status).toBe(200);
        const envelope = (await res.json()) as { success: unknown; errorCode: unknown; errorMsg: unknown };
        // No generated package exists, so an order or top-up that "succeeds" is a false success.
        const writes: string[] = [esimAccessEndpoints.order.path, esimAccessEndpoints.topUp.path];
        if (envelope.success === true) {
          expect(writes).not.toContain(r.path);
          return;
        }
        expect(envelope.success).toBe(false);
        // 000001 is the answer to a crash: nothing here should crash the mock.
        expect(envelope.errorCode).not.toBe('000001');
        expect(typeof envelope.errorCode === 'string' && isEsimAccessErrorCode(envelope.errorCode)).toBe(
          true,
        );
        expect(typeof envelope.errorMsg).toBe('string');
      }),
      { numRuns: 500, examples: builtInExamples },
    );
    const after = mock.control.account().state();
    expect(after.balance).toBe(before.balance);
    expect(after.orders).toEqual(before.orders);
    expect(after.profiles).toEqual(before.profiles);
  });
});
