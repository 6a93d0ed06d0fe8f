/**
 * `POST /api/v1/open/esim/usage/query`: data usage of up to 10 profiles.
 * @module
 */
import { z } from 'zod';
import { esimAccessBytesSchema, esimAccessEsimTranNoSchema } from './common.js';

export const ESIM_ACCESS_MAX_USAGE_QUERY = 10;

export const esimAccessUsageQueryRequestSchema = z.object({
  esimTranNoList: z.array(esimAccessEsimTranNoSchema).min(1).max(ESIM_ACCESS_MAX_USAGE_QUERY),
});
export type EsimAccessUsageQueryRequest = z.infer<typeof esimAccessUsageQueryRequestSchema>;

export const esimAccessUsageSchema = z.object({
  esimTranNo: z.string(),
  /** Bytes used. */
  dataUsage: esimAccessBytesSchema,
  /** Bytes in total. */
  totalData: esimAccessBytesSchema,
  lastUpdateTime: z.string().nullish(),
});
export type EsimAccessUsage = z.infer<typeof esimAccessUsageSchema>;

/** Canonical shape (the provider docs): what a fake sends. */
export const esimAccessUsageQueryObjSchema = z.object({
  esimUsageList: z.array(esimAccessUsageSchema),
});
export type EsimAccessUsageQueryObj = z.infer<typeof esimAccessUsageQueryObjSchema>;

/**
 * What a client accepts: the canonical object, or the bare array one doc example shows, normalised to the
 * canonical object.
 */
export const esimAccessUsageQueryObjLenientSchema = z.preprocess(
  (obj) => (Array.isArray(obj) ? { esimUsageList: obj } : obj),
  esimAccessUsageQueryObjSchema,
);
