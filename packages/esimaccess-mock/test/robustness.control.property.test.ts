/**
 * Property: whatever arrives at any control route (`/_sandbox/...`, the engine's and this fake's own, enumerated from
 * the served control document so none is forgotten), with JavaScript built-in names as ids and bodies up to and
 * past the limit, the answer is never a 5xx nor a stack trace, and a refused request changes nothing.
 */
import { EsimAccessClient } from '@esim-sandbox/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEsimAccessMock, type EsimAccessMock } from '../src/index.js';

const BODY_LIMIT = 2_048;
const BUILT_IN_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];
const STACK_TRACE = /\bat .+:\d+:\d+|node:internal|\.ts:\d+|\bError: .+\n/;

let mock: EsimAccessMock;
let routes: { method: string; path: string }[];
/** Ids of what the account holds, so requests reach real orders and profiles too. */
const known: string[] = [];
beforeAll(async () => {
  // The rate limit explicitly off, so the suite does not depend on the default.
  mock = createEsimAccessMock({
    clock: 'manual',
    startTime: '2025-06-01T12:00:00Z',
    seed: 'control-property',
    rateLimit: null,
    maxControlBodyBytes: BODY_LIMIT,
  });
  const document = (await (await mock.request('/_sandbox/openapi.json')).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  routes = Object.entries(document.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })),
  );
  // Something to protect: an allocated order with profiles, a webhook URL and a fault.
  const tenant = mock.emulator.defaultAccount;
  const client = new EsimAccessClient({
    accessCode: mock.accessCode,
    secretKey: tenant.secret,
    baseUrl: 'https://api.esimaccess.com',
    fetch: (url, init) => mock.fetch(new Request(url, init)),
    retry: false,
    rateLimit: false,
  });
  const [pkg] = await client.listPackages({});
  await client.order({
    transactionId: 'seed',
    packageInfoList: [{ packageCode: pkg!.packageCode, count: 2 }],
  });
  tenant.webhooks.setUrl('http://127.0.0.1:9/hook');
  tenant.faults.add({ path: '/api/v1/open/balance/query', action: { type: 'latency', ms: 1 } });
  await tenant.advance(10_000);
  const { orders, profiles } = tenant.state;
  known.push(
    ...Object.keys(orders),
    ...Object.keys(profiles),
    ...Object.values(profiles).map((p) => p.iccid),
  );
});
afterAll(() => mock.close());

/** Everything an account is made of, and which accounts exist. */
function everything(): string {
  return JSON.stringify(mock.emulator.accounts().map((t) => t.snapshot()));
}

const id = () =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant('default') },
    { weight: 3, arbitrary: fc.constantFrom(...known) },
    { weight: 3, arbitrary: fc.constantFrom(...BUILT_IN_NAMES) },
    { weight: 1, arbitrary: fc.constantFrom('whd_1', 'fault_1', 'task_1', '0', '-1', '%00', '..') },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map(encodeURIComponent) },
  );
const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(...BUILT_IN_NAMES));
const fields = fc.dictionary(
  fc.oneof(
    fc.constantFrom(...BUILT_IN_NAMES),
    fc.constantFrom('ms', 'to', 'mode', 'url', 'limit', 'windowMs', 'key', 'secret', 'path', 'action'),
    fc.constantFrom('balance', 'esimTranNo', 'iccid', 'count', 'bytes', 'packageCode', 'state', 'stock'),
  ),
  value,
  { maxKeys: 4 },
);
const body = fc.oneof(
  { weight: 6, arbitrary: fields.map((o) => JSON.stringify(o)) },
  { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  // Up to and just past the control body limit.
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: BODY_LIMIT - 64, max: BODY_LIMIT + 64 })
      .map((n) => `"${'x'.repeat(n - 2)}"`),
  },
);
const query = fc.dictionary(
  fc.constantFrom('limit', 'since', 'status', 'method', 'path', 'state', 'type', ...BUILT_IN_NAMES),
  fc.oneof(fc.string({ maxLength: 8 }), fc.integer().map(String), fc.constantFrom(...BUILT_IN_NAMES)),
  { maxKeys: 2 },
);

describe('any request to any control route', () => {
  it('is never answered with a 5xx or a stack trace, and a refused one changes nothing', async () => {
    const request = fc.record({
      route: fc.constantFrom(...routes),
      ids: fc.array(id(), { minLength: 3, maxLength: 3 }),
      body,
      query,
      json: fc.oneof(
        { weight: 5, arbitrary: fc.constant(true) },
        { weight: 1, arbitrary: fc.constant(false) },
      ),
    });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        let i = 0;
        const path = r.route.path.replace(/\{[^}]+\}/g, () => r.ids[i++] ?? 'default');
        const search = new URLSearchParams(r.query).toString();
        const hasBody = r.route.method !== 'GET' && r.route.method !== 'DELETE';
        const before = everything();
        const res = await mock.request(`${path}${search ? `?${search}` : ''}`, {
          method: r.route.method,
          headers: { 'content-type': r.json ? 'application/json' : 'text/plain' },
          body: hasBody ? r.body : null,
        });
        const text = await res.text();
        expect(res.status, `${r.route.method} ${path}: ${text}`).toBeLessThan(500);
        expect(text).not.toMatch(STACK_TRACE);
        if (res.status >= 400) expect(everything(), `${r.route.method} ${path}: ${text}`).toBe(before);
      }),
      { numRuns: 400, interruptAfterTimeLimit: 20_000 },
    );
  });

  it('covers every route of the control document, the fake’s own among them', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.some((r) => r.path.includes('/accounts/{') && r.path.endsWith('/clock/advance'))).toBe(
      true,
    );
    expect(routes.some((r) => r.path.endsWith('/profiles/{esimTranNo}/install'))).toBe(true);
  });
});
