/**
 * Webhook payloads eSIM Access POSTs to the partner: `{ notifyType, notifyId?, eventGenerateTime?, content }`.
 * Older payloads lack `notifyId` (32 hex, for dedupe) and `eventGenerateTime`.
 * @module
 */
import { z } from 'zod';
import { esimAccessBytesSchema, esimAccessEsimStatusSchema, esimAccessSmdpStatusSchema } from './common.js';

const meta = {
  notifyId: z.string().nullish(),
  eventGenerateTime: z.string().nullish(),
};

export const esimAccessCheckHealthContentSchema = z.object({
  orderNo: z.string(),
  /** Always "Test". */
  orderStatus: z.string(),
});

/** Profiles of an order are allocated. Only `GOT_RESOURCE` is documented; carries no ICCID. */
export const esimAccessOrderStatusContentSchema = z.object({
  orderNo: z.string().min(1),
  orderStatus: z.string().min(1),
  transactionId: z.string().nullish(),
});

/** Lifecycle change; GOT_RESOURCE does not appear here (only in SMDP_EVENT). */
export const esimAccessEsimStatusContentSchema = z.object({
  iccid: z.string(),
  orderNo: z.string(),
  esimTranNo: z.string(),
  transactionId: z.string(),
  esimStatus: esimAccessEsimStatusSchema,
  smdpStatus: esimAccessSmdpStatusSchema,
  totalVolume: esimAccessBytesSchema.nullish(),
  orderUsage: esimAccessBytesSchema.nullish(),
  remainVolume: esimAccessBytesSchema.nullish(),
});

/** SM-DP+ event (download, installation, enable...); the most frequent webhook. */
export const esimAccessSmdpEventContentSchema = z.object({
  eid: z.string(),
  iccid: z.string(),
  orderNo: z.string(),
  esimTranNo: z.string(),
  transactionId: z.string(),
  esimStatus: esimAccessEsimStatusSchema,
  smdpStatus: esimAccessSmdpStatusSchema,
  timestamp: z.union([z.string(), z.number()]).nullish(),
  seqNumber: z.union([z.string(), z.number()]).nullish(),
  /** e.g. "Executed-Success" (since May 2025). */
  notifyStatus: z.string().nullish(),
});

/** Sent at 50, 80 and 90 % used; `remainThreshold` is the fraction remaining (0.5, 0.2, 0.1). */
export const esimAccessDataUsageContentSchema = z.object({
  iccid: z.string(),
  orderNo: z.string(),
  esimTranNo: z.string(),
  transactionId: z.string(),
  totalVolume: esimAccessBytesSchema,
  orderUsage: esimAccessBytesSchema,
  /** Bytes remaining. */
  remain: esimAccessBytesSchema,
  remainThreshold: z.number().min(0).max(1),
  lastUpdateTime: z.string(),
});

/** Sent when one day of validity remains. */
export const esimAccessValidityUsageContentSchema = z.object({
  iccid: z.string(),
  orderNo: z.string(),
  /** Listed by the docs, missing from the brief's example. */
  esimTranNo: z.string().nullish(),
  transactionId: z.string(),
  /** Days remaining. */
  remain: z.number().int().nonnegative(),
  totalDuration: z.number().int().nonnegative(),
  durationUnit: z.string(),
  expiredTime: z.string(),
});

/** Every notifyType shares the envelope; only `content` differs. */
function webhookSchema<T extends string, C extends z.ZodType>(notifyType: T, content: C) {
  return z.object({ notifyType: z.literal(notifyType), ...meta, content });
}

export const esimAccessCheckHealthWebhookSchema = webhookSchema(
  'CHECK_HEALTH',
  esimAccessCheckHealthContentSchema,
);
export const esimAccessOrderStatusWebhookSchema = webhookSchema(
  'ORDER_STATUS',
  esimAccessOrderStatusContentSchema,
);
export const esimAccessSmdpEventWebhookSchema = webhookSchema('SMDP_EVENT', esimAccessSmdpEventContentSchema);
export const esimAccessEsimStatusWebhookSchema = webhookSchema(
  'ESIM_STATUS',
  esimAccessEsimStatusContentSchema,
);
export const esimAccessDataUsageWebhookSchema = webhookSchema('DATA_USAGE', esimAccessDataUsageContentSchema);
export const esimAccessValidityUsageWebhookSchema = webhookSchema(
  'VALIDITY_USAGE',
  esimAccessValidityUsageContentSchema,
);

export const esimAccessWebhookPayloadSchema = z.discriminatedUnion('notifyType', [
  esimAccessCheckHealthWebhookSchema,
  esimAccessOrderStatusWebhookSchema,
  esimAccessSmdpEventWebhookSchema,
  esimAccessEsimStatusWebhookSchema,
  esimAccessDataUsageWebhookSchema,
  esimAccessValidityUsageWebhookSchema,
]);

export type EsimAccessCheckHealthWebhook = z.infer<typeof esimAccessCheckHealthWebhookSchema>;
export type EsimAccessOrderStatusWebhook = z.infer<typeof esimAccessOrderStatusWebhookSchema>;
export type EsimAccessSmdpEventWebhook = z.infer<typeof esimAccessSmdpEventWebhookSchema>;
export type EsimAccessEsimStatusWebhook = z.infer<typeof esimAccessEsimStatusWebhookSchema>;
export type EsimAccessDataUsageWebhook = z.infer<typeof esimAccessDataUsageWebhookSchema>;
export type EsimAccessValidityUsageWebhook = z.infer<typeof esimAccessValidityUsageWebhookSchema>;
export type EsimAccessWebhookPayload = z.infer<typeof esimAccessWebhookPayloadSchema>;
export type EsimAccessWebhookType = EsimAccessWebhookPayload['notifyType'];

export const ESIM_ACCESS_WEBHOOK_TYPES = esimAccessWebhookPayloadSchema.options.map(
  (option) => option.shape.notifyType.value,
) as readonly EsimAccessWebhookType[];
