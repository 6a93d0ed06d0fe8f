/**
 * zod -> OpenAPI components, through zod's own `z.toJSONSchema`: the documents never hold a hand-written schema.
 *
 * Schemas are converted on their input side (`io: 'input'`): a document describes what travels on the wire, which
 * is what the parsers take in. Objects then stay open (no `additionalProperties: false`), matching parsers that drop
 * unknown fields instead of refusing them. Refinements (`superRefine`) have no JSON Schema form: the operation
 * descriptions state them in words.
 * @module
 */
import { z } from 'zod';
import type { JsonSchema, OpenApiRef } from './types.js';

const COMPONENT_SCHEMA_PREFIX = '#/components/schemas/';

export function schemaRef(name: string): JsonSchema & OpenApiRef {
  return { $ref: `${COMPONENT_SCHEMA_PREFIX}${name}` };
}

export interface ComponentSchemaOptions {
  /** Descriptions for particular schema instances (e.g. the money schema), wherever they appear. */
  readonly descriptions?: ReadonlyMap<z.core.$ZodType, string>;
}

/**
 * Converts named zod schemas into `components.schemas`. A named schema that appears inside another becomes a
 * `$ref` to its component. The same instance under a second name becomes a `$ref` to the first (cancel, suspend,
 * unsuspend and revoke share one request schema).
 */
export function toComponentSchemas(
  named: Readonly<Record<string, z.ZodType>>,
  options: ComponentSchemaOptions = {},
): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) {
    registry.add(registry.has(schema) ? schema.clone() : schema, { id });
  }
  const converted = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'throw',
    uri: (id) => `${COMPONENT_SCHEMA_PREFIX}${id}`,
    override: ({ zodSchema, jsonSchema }) => {
      const description = options.descriptions?.get(zodSchema);
      if (description !== undefined && jsonSchema.description === undefined) {
        jsonSchema.description = description;
      }
    },
  });
  const schemas: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(converted.schemas)) {
    // The document sets the dialect once; a fragment `$id` is not allowed by JSON Schema 2020-12.
    const { $schema: _dialect, $id: _id, ...rest } = schema as JsonSchema;
    schemas[id] = rest;
  }
  return schemas;
}

/** One schema, inlined (no components), e.g. a query parameter's type. */
export function toInlineSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'throw',
  }) as JsonSchema;
  return rest;
}

/** `listPackages` -> `ListPackages`, `CHECK_HEALTH` -> `CheckHealth`. */
export function pascalCase(name: string): string {
  return name
    .split(/[_\s-]+/)
    .filter(Boolean)
    .map((part) =>
      part === part.toUpperCase()
        ? part.charAt(0) + part.slice(1).toLowerCase()
        : part.charAt(0).toUpperCase() + part.slice(1),
    )
    .join('');
}
