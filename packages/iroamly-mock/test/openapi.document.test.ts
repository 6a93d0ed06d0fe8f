/**
 * The mock's API documents: core's generated iRoamly document served unchanged at /openapi.json with its reference
 * page, the control document under /_sandbox, both in step with the routes the mock serves, and the mock's real
 * answers (success and error, POST and GET) matching the documented schemas.
 */
import {
  type FetchLike,
  IroamlyClient,
  iroamlyOpenApiDocument,
  type OpenApiDocument,
} from '@esim-sandbox/core';
import { documentedRoutes, type RouteKey, servedRoutes } from '@esim-sandbox/emulator';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { IroamlyMock } from '../src/index.js';
import { authHeaders, manualMock } from './http.builders.js';

const key = (r: RouteKey) => `${r.method} ${r.path}`;
const json = async (mock: IroamlyMock, path: string) => (await mock.emulator.request(path)).json();

/** Served by the mock but not part of either API: the QR images and the documents themselves. */
// Served but not the provider's API: the index, the reference page and its JSON, and the QR images.
const PUBLIC_PAGES = ['GET /', 'GET /docs', 'GET /openapi.json', 'GET /qrcode/{file}'];

function schemaChecker(doc: object) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(doc, 'doc');
  const pointer = (parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
  return (parts: string[], value: unknown) => {
    const validate = ajv.compile({ $ref: `doc#/${pointer(parts)}` });
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
}

describe('the provider document', () => {
  it("is core's generated iRoamly document, unchanged, needing no credentials", async () => {
    const mock = manualMock();
    const res = await mock.emulator.request('/openapi.json');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(iroamlyOpenApiDocument());
    expect(mock.control.account().tenant.journal.list()).toEqual([]);
  });

  it('has a reference page at /docs naming every operation and every response code', async () => {
    const mock = manualMock();
    const doc = iroamlyOpenApiDocument();
    const html = await (await mock.emulator.request('/docs')).text();
    for (const { method, path } of documentedRoutes(doc)) {
      const op = doc.paths[path]?.[method.toLowerCase() as 'get' | 'post'];
      expect(html).toContain(`id="op-${op?.operationId}"`);
      expect(html).toContain(`<code>${path}</code>`);
    }
    expect(html).toContain('Redeem code has been redeemed or does not exist');
  });

  it('lists every provider route the mock serves, and the mock serves every documented operation', () => {
    const mock = manualMock();
    const documented = documentedRoutes(iroamlyOpenApiDocument()).map(key);
    const served = servedRoutes(mock.app)
      .filter((r) => !r.path.startsWith('/_sandbox'))
      .map(key);
    expect(served.filter((r) => !documented.includes(r))).toEqual(PUBLIC_PAGES);
    expect(documented.filter((r) => !served.includes(r))).toEqual([]);
  });

  it('describes what the mock really answers, on every documented operation, success and error alike', async () => {
    const mock = manualMock();
    const doc = iroamlyOpenApiDocument();
    const check = schemaChecker(doc);
    const answers: { method: string; path: string; status: number; body: unknown }[] = [];
    const record = async (method: string, url: string, res: Response) => {
      answers.push({
        method,
        path: new URL(url, 'http://x').pathname,
        status: res.status,
        body: await res.clone().json(),
      });
      return res;
    };
    const recording: FetchLike = async (input, init) =>
      record(init?.method ?? 'GET', String(input), await mock.fetch(new Request(input, init)));
    const client = new IroamlyClient({
      authKey: mock.authKey,
      authSecret: mock.authSecret,
      baseUrl: 'http://iroamly.test',
      fetch: recording,
      retry: false,
    });
    const [product] = mock.control.catalog().products;
    await client.listPlans(product!.region);
    // The client reads the 404 as "no plans"; the answer itself is checked below.
    expect(await client.listPlans('no-such-region')).toEqual([]);
    const { orderId } = await client.purchase({
      email: 'shop@test.co',
      productList: [{ productCode: product!.productCode, quantity: 1 }],
    });
    const [code] = await client.queryCodes(orderId);
    await expect(client.queryCodes('no-such-order')).rejects.toThrow();
    await client.redeemQrCode({ email: 'traveller@test.co', codeList: [{ redeemCode: code!.redeemCode }] });
    await mock.control.account().advance(60_000);
    await client.queryQrCode(code!.redeemCode);
    for (const path of [
      `/openapi/codeQuery?orderId=${orderId}`,
      `/openapi/qrcodeQuery?redeemCode=${code!.redeemCode}`,
      '/openapi/purchaseCode?email=shop@test.co',
      '/openapi/redeemQRcode?email=shop@test.co',
    ]) {
      await record('GET', path, await mock.emulator.request(path, { headers: authHeaders(mock) }));
    }

    expect(new Set(answers.map((a) => `${a.method} ${a.path}`))).toEqual(
      new Set(documentedRoutes(doc).map(key)),
    );
    expect(answers.some((a) => (a.body as { code?: number }).code === 7)).toBe(true);
    expect(answers.some((a) => a.status === 404)).toBe(true);
    for (const { method, path, status, body } of answers) {
      const schema = [
        'paths',
        path,
        method.toLowerCase(),
        'responses',
        String(status),
        'content',
        'application/json',
        'schema',
      ];
      expect(check(schema, body), `${method} ${path} ${JSON.stringify(body).slice(0, 200)}`).toEqual([]);
    }
    // The checker bites: a purchase answer without its orderId is neither documented body.
    const purchase = [
      'paths',
      '/openapi/purchaseCode',
      'post',
      'responses',
      '200',
      'content',
      'application/json',
      'schema',
    ];
    expect(check(purchase, { code: 1, msg: 'success' })).not.toEqual([]);
  });
});

describe('the control document', () => {
  it('is a valid OpenAPI 3.1 document listing exactly the /_sandbox routes the mock serves', async () => {
    const mock = manualMock();
    const doc = (await json(mock, '/_sandbox/openapi.json')) as OpenApiDocument;
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as unknown as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(validator.version).toBe('3.1');
    const served = servedRoutes(mock.app)
      .filter((r) => r.path.startsWith('/_sandbox'))
      .map(key);
    expect(served).toEqual(documentedRoutes(doc).map(key));
    expect(served).toEqual(
      expect.arrayContaining([
        'GET /_sandbox/catalog',
        'POST /_sandbox/accounts/{account}/redemptions/fail-next',
      ]),
    );
  });

  it("documents the mock's own routes with the schemas that validate them, defaults included", async () => {
    const mock = manualMock();
    const doc = (await json(mock, '/_sandbox/openapi.json')) as OpenApiDocument;
    const failNext = doc.paths['/_sandbox/accounts/{account}/redemptions/fail-next']?.post;
    expect(failNext?.requestBody?.content['application/json'].schema).toMatchObject({
      properties: { count: { type: 'integer', minimum: 1, maximum: 1000, default: 1 } },
    });
    const outbox = doc.paths['/_sandbox/accounts/{account}/outbox']?.get;
    expect(outbox?.parameters).toContainEqual({
      name: 'to',
      in: 'query',
      required: false,
      schema: { type: 'string' },
    });
  });
});
