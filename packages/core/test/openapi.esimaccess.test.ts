/**
 * The eSIM Access document against the sources it is generated from: the endpoint table, the request schemas, the
 * error-code table, the webhook union and the signing headers.
 */
import { describe, expect, it } from 'vitest';
import {
  ESIM_ACCESS_DEFAULT_BASE_URL,
  type EsimAccessEndpointName,
  esimAccessEndpoints,
} from '../src/esimaccess/endpoints.js';
import { esimAccessErrorCodes } from '../src/esimaccess/error-codes.js';
import { ESIM_ACCESS_WEBHOOK_TYPES } from '../src/esimaccess/schemas/webhook-payloads.js';
import { ESIM_ACCESS_HEADERS } from '../src/esimaccess/signing.js';
import { esimAccessOpenApiDocument } from '../src/openapi/esimaccess.js';
import type { JsonSchema } from '../src/openapi/types.js';

const doc = esimAccessOpenApiDocument();
const schemas = doc.components?.schemas ?? {};
const names = Object.keys(esimAccessEndpoints) as EsimAccessEndpointName[];
const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
const refTo = (schema: unknown) =>
  String((schema as { $ref?: string }).$ref)
    .split('/')
    .pop()!;
/** Follows `$ref`s between components (a schema shared by several endpoints is an alias of the first). */
const component = (name: string): JsonSchema => {
  const schema = schemas[name]!;
  return typeof schema.$ref === 'string' ? component(refTo(schema)) : schema;
};

describe('the eSIM Access document', () => {
  it('has exactly the endpoint table: one POST per path, named after the endpoint', () => {
    expect(Object.keys(doc.paths).sort()).toEqual(names.map((n) => esimAccessEndpoints[n].path).sort());
    for (const name of names) {
      const item = doc.paths[esimAccessEndpoints[name].path]!;
      expect(Object.keys(item)).toEqual(['post']);
      expect(item.post?.operationId).toBe(name);
      expect(item.post?.['x-retry-safety']).toBe(esimAccessEndpoints[name].retry);
    }
  });

  it.each(names)(
    'documents the body of %s with the fields and required fields of its request schema',
    (name) => {
      const request = esimAccessEndpoints[name].request as unknown as {
        shape: Record<string, { safeParse(v: unknown): { success: boolean } }>;
      };
      const body = doc.paths[esimAccessEndpoints[name].path]!.post!.requestBody!;
      expect(refTo(body.content['application/json'].schema)).toBe(`EsimAccess${pascal(name)}Request`);
      const documented = component(`EsimAccess${pascal(name)}Request`);
      expect(Object.keys((documented.properties ?? {}) as object).sort()).toEqual(
        Object.keys(request.shape).sort(),
      );
      // A field is required exactly when the schema refuses it absent.
      const required = Object.keys(request.shape).filter(
        (key) => !request.shape[key]!.safeParse(undefined).success,
      );
      expect(((documented.required ?? []) as string[]).sort()).toEqual(required.sort());
    },
  );

  it.each(names)('answers %s with its success envelope or the failure envelope, over HTTP 200', (name) => {
    const responses = doc.paths[esimAccessEndpoints[name].path]!.post!.responses;
    expect(Object.keys(responses)).toEqual(['200']);
    const oneOf = (responses['200']!.content!['application/json']!.schema.oneOf ?? []) as JsonSchema[];
    expect(oneOf.map(refTo)).toEqual([`EsimAccess${pascal(name)}Response`, 'EsimAccessFailureEnvelope']);
    const success = schemas[`EsimAccess${pascal(name)}Response`]!.properties as Record<string, JsonSchema>;
    expect(success.success).toMatchObject({ const: true });
    expect(success).toHaveProperty('obj');
  });

  it('lists every code of the error table in the failure envelope, with its meaning and retryability', () => {
    const failure = schemas.EsimAccessFailureEnvelope!;
    const errorCode = (failure.properties as Record<string, JsonSchema>).errorCode!;
    expect([...(errorCode.enum as string[])].sort()).toEqual(Object.keys(esimAccessErrorCodes).sort());
    const rows = failure['x-error-codes'] as { code: string; meaning: string; retryable: boolean }[];
    expect(rows).toEqual(doc['x-error-codes']);
    expect(rows.map((r) => r.code)).toEqual(Object.keys(esimAccessErrorCodes).sort());
    for (const row of rows) {
      const entry = esimAccessErrorCodes[row.code as keyof typeof esimAccessErrorCodes];
      expect(row).toMatchObject({ meaning: entry.meaning, kind: entry.kind, retryable: entry.retryable });
      expect('unofficial' in row).toBe('unofficial' in entry);
    }
  });

  it('puts every webhook notifyType under webhooks, each with its own payload schema', () => {
    expect(Object.keys(doc.webhooks ?? {}).sort()).toEqual([...ESIM_ACCESS_WEBHOOK_TYPES].sort());
    for (const type of ESIM_ACCESS_WEBHOOK_TYPES) {
      const body = doc.webhooks![type]!.post!.requestBody!;
      const payload = schemas[refTo(body.content['application/json'].schema)]!;
      expect((payload.properties as Record<string, JsonSchema>).notifyType).toMatchObject({ const: type });
      expect(payload.required).toEqual(expect.arrayContaining(['notifyType', 'content']));
    }
  });

  it('describes both auth modes: the access code alone, or with the HMAC signature and its headers', () => {
    const schemes = doc.components?.securitySchemes ?? {};
    expect(schemes.RTAccessCode).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: ESIM_ACCESS_HEADERS.accessCode,
    });
    expect(schemes.RTSignature).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: ESIM_ACCESS_HEADERS.signature,
    });
    expect(schemes.RTSignature?.description).toMatch(/HMAC-SHA256/);
    expect(doc.security).toEqual([{ RTAccessCode: [], RTSignature: [] }, { RTAccessCode: [] }]);
    const headers = Object.values(doc.components?.parameters ?? {}).map((p) => [p.name, p.in]);
    expect(headers).toEqual([
      [ESIM_ACCESS_HEADERS.timestamp, 'header'],
      [ESIM_ACCESS_HEADERS.requestId, 'header'],
    ]);
  });

  it('points at the real base URL', () => {
    expect(doc.servers).toEqual([{ url: ESIM_ACCESS_DEFAULT_BASE_URL, description: 'eSIM Access' }]);
  });

  it('says the unit wherever a money field appears', () => {
    const pkg = schemas.EsimAccessPackage!.properties as Record<string, JsonSchema>;
    expect(pkg.price?.description).toMatch(/1\/10,000 USD/);
    expect(pkg.retailPrice?.description ?? JSON.stringify(pkg.retailPrice)).toMatch(/1\/10,000 USD/);
  });
});
