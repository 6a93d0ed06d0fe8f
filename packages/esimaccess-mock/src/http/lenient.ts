/**
 * The live API's leniency with input, as one step between reading a body and validating it, driven by the endpoint's
 * request schema rather than by lists of field names:
 * - an optional field sent as `null` or `""` is absent (clients send unused fields either way);
 * - an empty body is `{}` when the request schema accepts `{}` (no required field).
 * Required fields are left as sent, so a null one still answers 000106 and a missing one 000105.
 * `behaviour.strictInput` skips this step: the documents' strict reading (000106 for any null, 000104 for an empty
 * body, "" taken literally).
 * @module
 */
import { z } from 'zod';

/** Fields of an object schema that accept `undefined` (optional), worked out once per schema. */
const optionalFields = new WeakMap<z.ZodObject, ReadonlySet<string>>();
/** Request schemas that accept `{}`. */
const acceptsEmpty = new WeakMap<z.ZodType, boolean>();

function optionalOf(schema: z.ZodObject): ReadonlySet<string> {
  let known = optionalFields.get(schema);
  if (!known) {
    known = new Set(
      Object.entries(schema.shape)
        .filter(([, field]) => (field as z.ZodType).safeParse(undefined).success)
        .map(([key]) => key),
    );
    optionalFields.set(schema, known);
  }
  return known;
}

/** The schema under `.optional()` / `.nullable()`, whose shape or element says what the value holds. */
function inner(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable)
    current = current.unwrap() as z.ZodType;
  return current;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy of `value` without the optional fields sent as null or "", at every depth the schema describes. */
export function dropBlankOptionals(schema: z.ZodType, value: unknown): unknown {
  const shape = inner(schema);
  if (shape instanceof z.ZodArray && Array.isArray(value)) {
    return value.map((item) => dropBlankOptionals(shape.element as z.ZodType, item));
  }
  if (!(shape instanceof z.ZodObject) || !isRecord(value)) return value;
  const optional = optionalOf(shape);
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const fieldSchema = shape.shape[key] as z.ZodType | undefined;
    if (fieldSchema === undefined) {
      out[key] = field;
    } else if (!((field === null || field === '') && optional.has(key))) {
      out[key] = dropBlankOptionals(fieldSchema, field);
    }
  }
  return out;
}

/** An empty (or blank) body to an endpoint whose request schema accepts `{}`: read as `{}`. */
export function isAcceptedEmptyBody(schema: z.ZodType, raw: string): boolean {
  if (raw.trim() !== '') return false;
  let empty = acceptsEmpty.get(schema);
  if (empty === undefined) {
    empty = schema.safeParse({}).success;
    acceptsEmpty.set(schema, empty);
  }
  return empty;
}
