/**
 * The mock's API documents: core's generated eSIM Access document served unchanged at /openapi.json with its
 * reference page, the control document under /_sandbox, both in step with the routes the mock serves, and the mock's
 * real answers and webhooks matching the documented schemas.
 */
import { esimAccessOpenApiDocument, type FetchLike, type OpenApiDocument } from '@esim-sandbox/core';
import { documentedRoutes, type RouteKey, servedRoutes } from '@esim-sandbox/emulator';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findBase, type Harness, overHttp, startHooks } from './support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await overHttp();
});
afterEach(() => h.close());

const get = async (path: string) => fetch(`${h.baseUrl}${path}`);
const key = (r: RouteKey) => `${r.method} ${r.path}`;

/** Served by the mock but not part of either API: the profiles' QR images and the documents themselves. */
// Served but not the provider's API: the index, the reference page and its JSON, and the QR images.
const PUBLIC_PAGES = ['GET /', 'GET /docs', 'GET /openapi.json', 'GET /qr/{file}'];

/** Validates a value against a schema of the document, `$ref`s resolved inside the document. */
function schemaChecker(doc: object) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(doc, 'doc');
  const pointer = (...parts: string[]) =>
    parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
  return (parts: string[], value: unknown) => {
    const validate = ajv.compile({ $ref: `doc#/${pointer(...parts)}` });
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
}

describe('the provider document', () => {
  it("is core's generated eSIM Access document, unchanged", async () => {
    const res = await get('/openapi.json');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(esimAccessOpenApiDocument());
  });

  it('has a reference page at /docs naming every operation and webhook', async () => {
    const doc = esimAccessOpenApiDocument();
    const html = await (await get('/docs')).text();
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(html).toContain(`<code>${path}</code>`);
      expect(html).toContain(`id="op-${item.post?.operationId}"`);
    }
    for (const type of Object.keys(doc.webhooks ?? {})) expect(html).toContain(type);
    expect(html).toContain('200010');
  });

  it('lists every provider route the mock serves, and the mock serves every documented operation', () => {
    const documented = documentedRoutes(esimAccessOpenApiDocument()).map(key);
    // Every endpoint answers any method (000103 for all but POST), so a route registered for ALL covers POST.
    const served = servedRoutes(h.mock.app)
      .filter((r) => !r.path.startsWith('/_sandbox'))
      .map((r) => (r.method === 'ALL' ? { ...r, method: 'POST' } : r))
      .map(key);
    expect(served.filter((r) => !documented.includes(r))).toEqual(PUBLIC_PAGES);
    expect(documented.filter((r) => !served.includes(r))).toEqual([]);
  });

  it('describes what the mock really answers and sends, success and failure alike', async () => {
    const doc = esimAccessOpenApiDocument();
    const check = schemaChecker(doc);
    const answers: { path: string; body: unknown }[] = [];
    const recording: FetchLike = async (input, init) => {
      const res = await globalThis.fetch(input, init);
      answers.push({ path: new URL(String(input)).pathname, body: await res.clone().json() });
      return res;
    };
    const client = h.client({ fetch: recording });
    const hooks = await startHooks();
    try {
      const base = findBase(h.mock, (p) => p.supportTopUpType === 2 && (p.smsStatus ?? 0) > 0);
      await client.listPackages({ locationCode: base.location.split(',')[0]! });
      await client.listLocations();
      await client.saveWebhook({ webhook: hooks.receiver.url });
      await client.queryWebhook();
      const { orderNo } = await client.order({
        transactionId: 'doc-1',
        packageInfoList: [{ packageCode: base.packageCode, count: 1 }],
      });
      await expect(client.queryProfiles({ orderNo, pager: { pageNum: 1, pageSize: 5 } })).rejects.toThrow();
      await h.account.advance(h.mock.behaviour.allocationDelayMs);
      const [profile] = await client
        .queryProfiles({ orderNo, pager: { pageNum: 1, pageSize: 5 } })
        .then((r) => r.esimList);
      const esimTranNo = profile!.esimTranNo;
      h.account.installProfile(esimTranNo);
      h.account.addUsage(esimTranNo, Math.ceil(base.volume * 0.6));
      await h.account.advance(0);
      await client.queryUsage({ esimTranNoList: [esimTranNo] });
      const [topUp] = h.mock.catalog.topUpsFor(base);
      await client.topUp({ esimTranNo, packageCode: topUp!.packageCode, transactionId: 'doc-top-1' });
      await client.sendSms({ esimTranNo, message: 'hello' });
      await client.suspend({ esimTranNo });
      await client.unsuspend({ esimTranNo });
      await expect(client.cancel({ esimTranNo })).rejects.toThrow();
      await client.revoke({ esimTranNo });
      await client.getBalance();
      await h.account.advance(0);

      const order = [
        'paths',
        '/api/v1/open/esim/order',
        'post',
        'responses',
        '200',
        'content',
        'application/json',
        'schema',
      ];
      // The checker bites: an order answer without its orderNo is neither documented envelope.
      expect(check(order, { success: true, errorCode: null, errorMsg: null, obj: {} })).not.toEqual([]);
      const operations = Object.keys(doc.paths);
      expect(new Set(answers.map((a) => a.path))).toEqual(new Set(operations));
      expect(answers.some((a) => (a.body as { success: boolean }).success === false)).toBe(true);
      for (const { path, body } of answers) {
        const schema = ['paths', path, 'post', 'responses', '200', 'content', 'application/json', 'schema'];
        expect(check(schema, body), `${path} ${JSON.stringify(body).slice(0, 200)}`).toEqual([]);
      }
      const sent = hooks.receiver.received.map((r) => JSON.parse(r.body) as { notifyType: string });
      expect(new Set(sent.map((p) => p.notifyType))).toEqual(
        new Set(['CHECK_HEALTH', 'ORDER_STATUS', 'SMDP_EVENT', 'ESIM_STATUS', 'DATA_USAGE']),
      );
      for (const payload of sent) {
        const schema = [
          'webhooks',
          payload.notifyType,
          'post',
          'requestBody',
          'content',
          'application/json',
          'schema',
        ];
        expect(check(schema, payload), payload.notifyType).toEqual([]);
      }
    } finally {
      await hooks.receiver.close();
    }
  });
});

describe('the control document', () => {
  it('is a valid OpenAPI 3.1 document listing exactly the /_sandbox routes the mock serves', async () => {
    const doc = (await (await get('/_sandbox/openapi.json')).json()) as OpenApiDocument;
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as unknown as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(validator.version).toBe('3.1');
    const served = servedRoutes(h.mock.app)
      .filter((r) => r.path.startsWith('/_sandbox'))
      .map(key);
    expect(served).toEqual(documentedRoutes(doc).map(key));
    expect(served).toContain('POST /_sandbox/accounts/{account}/profiles/{esimTranNo}/install');
  });

  it("documents the mock's own routes with the schemas that validate them", async () => {
    const doc = (await (await get('/_sandbox/openapi.json')).json()) as OpenApiDocument;
    const install = doc.paths['/_sandbox/accounts/{account}/profiles/{esimTranNo}/install']?.post;
    expect(install?.tags).toEqual(['esimaccess']);
    expect(install?.requestBody?.content['application/json'].schema).toMatchObject({
      properties: { until: { enum: ['DOWNLOAD', 'INSTALLATION', 'ENABLED'] }, eid: { pattern: '^\\d{32}$' } },
      additionalProperties: false,
    });
    expect(Object.keys(install?.responses ?? {})).toEqual(['200', '400', '401', '404', '409']);
    const html = await (await get('/_sandbox/docs')).text();
    expect(html).toContain('A phone downloads, installs and enables the profile');
  });
});
