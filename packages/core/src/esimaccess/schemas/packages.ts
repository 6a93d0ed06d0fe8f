/**
 * `POST /api/v1/open/package/list`: the catalogue of data packages and top-ups.
 * @module
 */
import { z } from 'zod';
import { esimAccessBytesSchema, esimAccessDurationUnitSchema, esimAccessMoneySchema } from './common.js';

/**
 * Filters. Every filter is optional and clients often send unused ones as `""`, so empty strings are accepted.
 * `locationCode` is ISO alpha-2, `!RG` (regional) or `!GL` (global); `iccid` lists the top-ups available to a profile.
 */
export const esimAccessPackageListRequestSchema = z.object({
  locationCode: z.string().max(16).optional(),
  type: z.enum(['BASE', 'TOPUP', '']).optional(),
  packageCode: z.string().max(64).optional(),
  slug: z.string().max(64).optional(),
  iccid: z.string().max(32).optional(),
  /** 1 fixed data, 2 day pass. */
  dataType: z.union([z.literal(1), z.literal(2), z.literal('1'), z.literal('2'), z.literal('')]).optional(),
});
export type EsimAccessPackageListRequest = z.infer<typeof esimAccessPackageListRequestSchema>;

export const esimAccessOperatorSchema = z.object({
  operatorName: z.string(),
  networkType: z.string(),
});

export const esimAccessLocationNetworkSchema = z.object({
  locationName: z.string(),
  locationLogo: z.string().nullish(),
  operatorList: z.array(esimAccessOperatorSchema),
});

/**
 * One package. The fields a faithful fake always sends are required; the rest are optional and nullable because
 * live catalogues are uneven. Unknown extra fields are dropped, not rejected.
 */
export const esimAccessPackageSchema = z.object({
  packageCode: z.string().min(1),
  slug: z.string(),
  name: z.string(),
  /** Wholesale price in 1/10,000 USD. */
  price: esimAccessMoneySchema,
  currencyCode: z.string(),
  /** Data volume in bytes. */
  volume: esimAccessBytesSchema,
  duration: z.number().int().nonnegative(),
  durationUnit: esimAccessDurationUnitSchema,
  /** Comma-separated ISO alpha-2 codes: "CN,HK,JP". */
  location: z.string(),
  /** 1 no top-up, 2 top-up, 3 top-up with periodNum. */
  supportTopUpType: z.number().int(),
  description: z.string().nullish(),
  /** 0 none, 1 API and phone, 2 API only. */
  smsStatus: z.number().int().nullish(),
  /** 1 total, 2 daily speed-reduced, 3 daily cut-off, 4 daily unlimited. */
  dataType: z.number().int().nullish(),
  unusedValidTime: z.number().int().nullish(),
  /** 1 on first install, 2 on first network connection. */
  activeType: z.number().int().nullish(),
  favorite: z.boolean().nullish(),
  retailPrice: esimAccessMoneySchema.nullish(),
  speed: z.string().nullish(),
  locationNetworkList: z.array(esimAccessLocationNetworkSchema).nullish(),
  ipExport: z.string().nullish(),
  fupPolicy: z.string().nullish(),
});
export type EsimAccessPackage = z.infer<typeof esimAccessPackageSchema>;

export const esimAccessPackageListObjSchema = z.object({
  packageList: z.array(esimAccessPackageSchema),
});
export type EsimAccessPackageListObj = z.infer<typeof esimAccessPackageListObjSchema>;
