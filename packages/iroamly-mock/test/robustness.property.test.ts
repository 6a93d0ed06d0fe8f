import { iroamlyCodes } from '@esim-sandbox/core';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { authHeaders, manualMock } from './http.builders.js';

const mock = manualMock({ balance: 50_000 });
afterAll(() => mock.close());

const DOCUMENTED = new Set(iroamlyCodes.map((c) => c.code));
const ENDPOINTS = [
  '/openapi/purchaseCode',
  '/openapi/codeQuery',
  '/openapi/redeemQRcode',
  '/openapi/qrcodeQuery',
  '/common/getPlanItem',
  '/openapi/unknownThing',
];
const realCode = mock.catalog.products[0]!.item.productCode;
const token = fc.stringMatching(/^[\x21-\x7e]{0,40}$/);
/** Ids that are names of JavaScript built-ins: unknown ids like any other. */
const builtInName = fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf');

/** Bodies from plain garbage to almost-valid requests with one field off. */
const body = fc.oneof(
  fc.string(),
  fc.json(),
  fc
    .record(
      {
        email: fc.oneof(fc.emailAddress(), fc.string(), fc.integer()),
        productList: fc.array(
          fc.record(
            {
              productCode: fc.oneof(fc.constant(realCode), fc.string(), fc.constant(null), builtInName),
              quantity: fc.oneof(fc.integer({ min: -5, max: 500 }), fc.double(), fc.string()),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 3 },
        ),
        codeList: fc.array(fc.record({ redeemCode: fc.oneof(fc.string(), fc.integer(), builtInName) }), {
          maxLength: 3,
        }),
        orderId: fc.oneof(fc.string(), builtInName, fc.integer()),
        code: fc.oneof(fc.string(), builtInName),
        redeemCode: fc.oneof(fc.string(), builtInName),
      },
      { requiredKeys: [] },
    )
    .map((o) => JSON.stringify(o)),
);

/** Valid credentials most of the time, so most requests get past auth and reach validation. */
const headers = fc.oneof(
  { weight: 4, arbitrary: fc.constant(authHeaders(mock)) },
  { weight: 1, arbitrary: fc.record({ AuthKey: token, Certification: token }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.constant({ AuthKey: 'k'.repeat(40), Certification: 'c' }) },
);

const request = fc.record({
  path: fc.constantFrom(...ENDPOINTS),
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
  query: fc.dictionary(
    fc.constantFrom('region', 'orderId', 'code', 'redeemCode', 'email', 'productList', 'codeList', 'x'),
    fc.oneof(
      fc.string(),
      builtInName,
      fc.constant(`[{"productCode":"${realCode}","quantity":1}]`),
      fc.constant('[{"redeemCode":"constructor"}]'),
    ),
    { maxKeys: 3 },
  ),
  headers,
  body,
});

describe('robustness', () => {
  it('answers any method, header and body at every endpoint with a documented code and never debits', async () => {
    // A purchase that succeeds would need a valid email, the real product code and an integer quantity: the
    // property allows it, and then checks the debit is exactly the order's price.
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const before = mock.control.account().balance();
        const url = `${r.path}?${new URLSearchParams(r.query)}`;
        const hasBody = r.method !== 'GET';
        const res = await mock.emulator.request(url, {
          method: r.method,
          headers: { 'Content-Type': 'application/json', ...r.headers },
          ...(hasBody ? { body: r.body } : {}),
        });
        expect(res.status).toBeLessThan(500);
        const json: unknown = await res.json();
        if (Array.isArray(json)) {
          expect(r.path).toBe('/common/getPlanItem');
          return;
        }
        const { code } = json as { code: number };
        expect(DOCUMENTED.has(code)).toBe(true);
        const after = mock.control.account().balance();
        if (code === 1 && r.path === '/openapi/purchaseCode') {
          const { orderId } = json as { orderId: string };
          expect(before - after).toBe(mock.control.account().state().orders[orderId]?.total);
        } else {
          expect(after).toBe(before);
        }
      }),
      { numRuns: 400 },
    );
  });
});
