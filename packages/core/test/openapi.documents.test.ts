/**
 * Both provider documents as documents: valid OpenAPI 3.1 by an independent validator, every reference resolving,
 * and the same on every call (they are generated, never stored).
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { esimAccessOpenApiDocument } from '../src/openapi/esimaccess.js';
import { iroamlyOpenApiDocument } from '../src/openapi/iroamly.js';
import type { OpenApiDocument } from '../src/openapi/types.js';

const documents: [string, () => OpenApiDocument][] = [
  ['eSIM Access', esimAccessOpenApiDocument],
  ['iRoamly', iroamlyOpenApiDocument],
];

describe.each(documents)('the %s document', (_name, generate) => {
  it('is a valid OpenAPI 3.1 document whose every $ref resolves', async () => {
    const validator = new Validator();
    const result = await validator.validate(
      structuredClone(generate()) as unknown as Record<string, unknown>,
    );
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(() => validator.resolveRefs()).not.toThrow();
  });

  it('would be caught with a dangling reference (the check above is not vacuous)', async () => {
    const broken = structuredClone(generate()) as { components: { schemas: Record<string, unknown> } };
    const [first] = Object.keys(broken.components.schemas);
    delete broken.components.schemas[first!];
    const validator = new Validator();
    await validator.validate(broken);
    expect(() => validator.resolveRefs()).toThrow(first);
  });

  it('is generated identically on every call', () => {
    expect(JSON.stringify(generate())).toBe(JSON.stringify(generate()));
  });

  it('leaves the dialect to the document: no component carries $schema, $id or $defs', () => {
    const doc = generate();
    expect(doc.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
    for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
      expect(Object.keys(schema), name).not.toEqual(expect.arrayContaining(['$schema']));
      expect(JSON.stringify(schema), name).not.toMatch(/"\$(id|defs)"/);
    }
  });

  it('lists every operation under a tag the document declares', () => {
    const doc = generate();
    const declared = new Set((doc.tags ?? []).map((t) => t.name));
    const operations = [...Object.values(doc.paths), ...Object.values(doc.webhooks ?? {})].flatMap((item) =>
      Object.values(item),
    );
    expect(operations.length).toBeGreaterThan(0);
    for (const op of operations) expect(declared, op.operationId).toContain(op.tags?.[0]);
  });
});
