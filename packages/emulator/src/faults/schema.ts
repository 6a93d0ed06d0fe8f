/**
 * @module
 * Zod schemas for fault rules and webhook faults: the control API and the in-process handle validate with the
 * same schemas, so both give the same field-naming errors.
 */
import { z } from 'zod';

export const faultActionSchema = z.discriminatedUnion('type', [
  /**
   * Answer with the provider's own error for `code` (rendered by the provider's `renderError`). The code must be in
   * the provider's error table unless `custom: true` says it is deliberately one the provider never documented.
   */
  z.strictObject({ type: z.literal('error'), code: z.string().min(1), custom: z.boolean().optional() }),
  /** Sleep this many REAL ms before handling (it is about the client's timeout), then continue. */
  z.strictObject({ type: z.literal('latency'), ms: z.number().int().min(0).max(600_000) }),
  /** Drop the connection: socket destroyed (server) or a network error (msw). */
  z.strictObject({ type: z.literal('drop') }),
  /** A raw HTTP answer, e.g. a 502 from a "load balancer". */
  z.strictObject({
    type: z.literal('http'),
    status: z.number().int().min(200).max(599),
    body: z.unknown().optional(),
    headers: z.record(z.string(), z.string()).optional(),
  }),
]);

export const faultInputSchema = z.strictObject({
  /** Exact path, or a glob: `*` within a segment, `**` across segments. */
  path: z.string().startsWith('/'),
  method: z
    .string()
    .min(1)
    .transform((m) => m.toUpperCase())
    .optional(),
  /** Fire for the next N matching requests, then the rule is removed. Without it the rule stays. */
  times: z.number().int().min(1).optional(),
  /** Fire for this share of matching requests (seeded coin, so runs replay). Default 1. */
  probability: z.number().min(0).max(1).optional(),
  action: faultActionSchema,
});

export type FaultAction = z.infer<typeof faultActionSchema>;
export type FaultInput = z.input<typeof faultInputSchema>;

/** A probability or a count (or both: the first `count` hits that win the coin flip). */
export const webhookFaultSpecSchema = z.strictObject({
  probability: z.number().min(0).max(1).optional(),
  count: z.number().int().min(0).optional(),
});

export const webhookFaultsSchema = z.strictObject({
  /** Recorded as dropped, never sent. */
  drop: webhookFaultSpecSchema.optional(),
  /** Sent twice (a second delivery with the same event id). */
  duplicate: webhookFaultSpecSchema.optional(),
  /** First attempt postponed by `ms` virtual ms. */
  delay: webhookFaultSpecSchema.extend({ ms: z.number().int().min(0) }).optional(),
  /** Held back and sent right after the next event. */
  reorder: webhookFaultSpecSchema.optional(),
  /** Held until the account's next provider read request has been answered. */
  lateAfterPoll: webhookFaultSpecSchema.optional(),
});

export type WebhookFaultSpec = z.infer<typeof webhookFaultSpecSchema>;
export type WebhookFaults = z.infer<typeof webhookFaultsSchema>;
