/**
 * The fixture file a recording writes and a replay reads: request/response pairs in the order they happened.
 *
 * Format (version 1), JSON:
 * `{ "format": "esim-sandbox/fixture", "version": 1, "recordedAt": ISO, "redacted": ["RT-Signature", ...],
 *    "entries": [{ "request": { "method", "url", "headers", "body"? }, "response": { "status", "headers", "body"? } }] }`
 * where a body is `{ "json": value }`, `{ "text": "..." }` or `{ "base64": "..." }` (images).
 * @module
 */
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from '../json-file.js';
import type { Json } from '../runner/types.js';

export const FIXTURE_FORMAT = 'esim-sandbox/fixture';

const jsonSchema: z.ZodType<Json> = z.lazy(() =>
  z.union([
    z.null(),
    z.boolean(),
    z.number(),
    z.string(),
    z.array(jsonSchema),
    z.record(z.string(), jsonSchema),
  ]),
);

const bodySchema = z.union([
  z.strictObject({ json: jsonSchema }),
  z.strictObject({ text: z.string() }),
  z.strictObject({ base64: z.string() }),
]);

export const fixtureSchema = z.object({
  format: z.literal(FIXTURE_FORMAT, { error: `must be '${FIXTURE_FORMAT}'` }),
  version: z.literal(1, { error: 'must be 1 (this version reads fixtures of version 1)' }),
  recordedAt: z.string(),
  /** What was redacted, for people reading the file. */
  redacted: z.array(z.string()),
  entries: z.array(
    z.object({
      request: z.object({
        method: z.string().min(1),
        url: z.url(),
        headers: z.record(z.string(), z.string()),
        body: bodySchema.optional(),
      }),
      response: z.object({
        status: z.number().int().min(100).max(599),
        headers: z.record(z.string(), z.string()),
        body: bodySchema.optional(),
      }),
    }),
  ),
});

export type Fixture = z.infer<typeof fixtureSchema>;
export type FixtureEntry = Fixture['entries'][number];
export type FixtureBody = z.infer<typeof bodySchema>;

export function readFixture(file: string): Promise<Fixture> {
  return readJsonFile(fixtureSchema, file);
}

export function writeFixture(file: string, fixture: Fixture): Promise<void> {
  return writeJsonFile(file, fixture);
}
