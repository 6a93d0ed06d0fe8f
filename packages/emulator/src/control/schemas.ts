/**
 * @module
 * Request bodies and queries of the control API.
 */
import { z } from 'zod';
import { chaosDataSchema } from '../chaos/state.js';

export const createAccountSchema = z.strictObject({
  key: z.string().min(1).max(128).optional(),
  secret: z.string().min(1).max(256).optional(),
  /** Provider-specific account options, passed to the provider's initialState. */
  params: z.unknown().optional(),
});

export const advanceSchema = z.union([
  z.strictObject({ ms: z.number().int().min(0) }),
  z.strictObject({ to: z.union([z.number().int(), z.iso.datetime({ offset: true })]) }),
]);

export const clockModeSchema = z.strictObject({ mode: z.enum(['real', 'manual']) });

export const rateLimitSchema = z.union([
  z.strictObject({ limit: z.number().int().min(1), windowMs: z.number().int().min(1) }),
  z.null(),
]);

export const webhookConfigSchema = z.strictObject({
  url: z.url().nullable().optional(),
});

export const journalQuerySchema = z.strictObject({
  method: z.string().optional(),
  path: z.string().optional(),
  status: z.coerce.number().int().optional(),
  providerCode: z.string().optional(),
  since: z.coerce.number().int().optional(),
  limit: z.coerce.number().int().min(1).optional(),
});

/**
 * Structure only; the provider state inside is trusted as the provider's own earlier snapshot, but must be an
 * object (a `null` state would break every later request of the account, and survive restarts in the state file).
 */
export const restoreSchema = z.looseObject({
  version: z.literal(1),
  state: z.record(z.string(), z.unknown(), { error: "expected the provider's state object" }),
  clock: z.strictObject({ mode: z.enum(['real', 'manual']), offsetMs: z.number(), nowMs: z.number() }),
  tasks: z.array(
    z.strictObject({ id: z.string(), at: z.number(), kind: z.string(), data: z.unknown(), seq: z.number() }),
  ),
  seq: z.number().int(),
  random: z.number().int(),
  faultRandom: z.number().int(),
  faults: z.array(z.looseObject({ id: z.string(), path: z.string() })),
  rateLimit: z.strictObject({ limit: z.number().int(), windowMs: z.number().int() }).nullable(),
  webhooks: z.looseObject({
    url: z.string().nullable(),
    faults: z.looseObject({}),
    deliveries: z.array(z.unknown()),
  }),
  /** Absent in snapshots and state files written before chaos existed. */
  chaos: chaosDataSchema.optional(),
});

/** One account in a state file: a snapshot with its identity. */
export const accountDataSchema = restoreSchema.extend({
  id: z.string().min(1),
  key: z.string().min(1),
  secret: z.string(),
});
