/**
 * The iRoamly document against its sources: the operation list, core's schemas, the code table and the
 * Certification scheme.
 */
import { describe, expect, it } from 'vitest';
import { IROAMLY_DEFAULT_BASE_URL } from '../src/iroamly/client.js';
import { IroamlyCode, iroamlyCodes } from '../src/iroamly/codes.js';
import { iroamlyOpenApiDocument } from '../src/openapi/iroamly.js';
import { IROAMLY_OPERATIONS, IROAMLY_PLAN_LIST } from '../src/openapi/iroamly-operations.js';
import type { JsonSchema, OpenApiParameter } from '../src/openapi/types.js';

const doc = iroamlyOpenApiDocument();
const schemas = doc.components?.schemas ?? {};
const refTo = (schema: unknown) =>
  String((schema as { $ref?: string }).$ref)
    .split('/')
    .pop()!;

describe('the iRoamly document', () => {
  it('has the four authenticated endpoints and the public plan list, and nothing else', () => {
    expect(Object.keys(doc.paths).sort()).toEqual(
      [...IROAMLY_OPERATIONS.map((op) => op.path), IROAMLY_PLAN_LIST.path].sort(),
    );
    expect(Object.keys(doc.paths[IROAMLY_PLAN_LIST.path]!)).toEqual(['get']);
  });

  it.each(IROAMLY_OPERATIONS.map((op) => [op.id, op] as const))(
    'documents %s as POST with a JSON body and as GET with every parameter in the query string',
    (id, op) => {
      const item = doc.paths[op.path]!;
      expect(item.post?.operationId).toBe(id);
      expect(refTo(item.post?.requestBody?.content['application/json'].schema)).toBe(
        `Iroamly${id.charAt(0).toUpperCase()}${id.slice(1)}Request`,
      );
      expect(item.get?.operationId).toBe(`${id}ByQuery`);
      const request = schemas[refTo(item.post?.requestBody?.content['application/json'].schema)]!;
      const properties = request.properties as Record<string, JsonSchema>;
      expect(((item.get?.parameters ?? []) as OpenApiParameter[]).map((p) => [p.name, p.in])).toEqual(
        Object.keys(properties).map((name) => [name, 'query']),
      );
    },
  );

  it('says which parameters travel in the query string as JSON text', () => {
    expect(doc.paths['/openapi/purchaseCode']?.get?.description).toMatch(
      /JSON text: `productList=\[\.\.\.\]`/,
    );
    expect(doc.paths['/openapi/redeemQRcode']?.get?.description).toMatch(/JSON text: `codeList=\[\.\.\.\]`/);
    expect(doc.paths['/openapi/codeQuery']?.get?.description).not.toMatch(/JSON text/);
  });

  it('answers each authenticated call with its success body or an error body holding every non-success code', () => {
    const error = schemas.IroamlyErrorResponse!;
    const codes = iroamlyCodes.map((c) => c.code).filter((c) => c !== IroamlyCode.SUCCESS);
    const documented = (error.properties as Record<string, JsonSchema>).code!.enum as number[];
    expect([...documented].sort()).toEqual([...codes].sort());
    expect((error['x-error-codes'] as { code: number }[]).map((r) => r.code)).toEqual(codes);
    for (const op of IROAMLY_OPERATIONS) {
      const oneOf = doc.paths[op.path]!.post!.responses['200']!.content!['application/json']!.schema.oneOf;
      expect((oneOf as JsonSchema[]).map(refTo)[1]).toBe('IroamlyErrorResponse');
      const success = schemas[(oneOf as JsonSchema[]).map(refTo)[0]!]!;
      expect((success.properties as Record<string, JsonSchema>).code).toMatchObject({ const: 1 });
    }
  });

  it('lists the whole code table, success included, at the top level', () => {
    expect(doc['x-error-codes']).toEqual(
      iroamlyCodes.map(({ code, meaning, kind, retryable }) => ({ code, meaning, kind, retryable })),
    );
  });

  it('serves the plan list without credentials: a bare array of plans, or 404 with an error body', () => {
    const op = doc.paths[IROAMLY_PLAN_LIST.path]!.get!;
    expect(op.security).toEqual([]);
    expect((op.parameters as OpenApiParameter[]).map((p) => [p.name, p.required])).toEqual([
      ['region', true],
    ]);
    const list = schemas[refTo(op.responses['200']!.content!['application/json']!.schema)]!;
    expect(list).toMatchObject({ type: 'array', items: { $ref: '#/components/schemas/IroamlyPlan' } });
    expect(refTo(op.responses['404']!.content!['application/json']!.schema)).toBe('IroamlyErrorResponse');
  });

  it('requires AuthKey and Certification headers, Certification being SHA-256 of key and secret', () => {
    expect(doc.security).toEqual([{ AuthKey: [], Certification: [] }]);
    const schemes = doc.components?.securitySchemes ?? {};
    expect(schemes.AuthKey).toMatchObject({ type: 'apiKey', in: 'header', name: 'AuthKey' });
    expect(schemes.Certification).toMatchObject({ type: 'apiKey', in: 'header', name: 'Certification' });
    expect(schemes.Certification?.description).toMatch(/SHA-256 of AuthKey \+ AuthSecret/);
  });

  it('points at the real base URL and explains the redeem code statuses', () => {
    expect(doc.servers?.[0]?.url).toBe(IROAMLY_DEFAULT_BASE_URL);
    const status = (schemas.IroamlyRedeemCode!.properties as Record<string, JsonSchema>).status!;
    expect(status.description).toBe('Redeem code status: 0 not redeemed, 1 redeeming, 2 redeemed, 3 failed.');
  });
});
