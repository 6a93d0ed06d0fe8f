/**
 * `POST /api/v1/open/esim/query`: allocated profiles by order, profile or creation-time range, or all of them, paged.
 * @module
 */
import { z } from 'zod';
import {
  ESIM_ACCESS_CODE_PARAM,
  esimAccessBytesSchema,
  esimAccessDateTimeSchema,
  esimAccessDurationUnitSchema,
  esimAccessEsimStatusSchema,
  esimAccessPagerRequestSchema,
  esimAccessPagerResponseSchema,
  esimAccessSmdpStatusSchema,
  isPresentEsimAccessString,
} from './common.js';

/**
 * Filters `orderNo`, `iccid`, `esimTranNo`, or both `startTime` and `endTime` (ISO UTC); `pager` is mandatory. With no
 * filter the endpoint lists every profile of the account ("Query All Allocated Profiles"), paged. Empty strings
 * count as absent because clients send unused filters as `""`.
 */
export const esimAccessProfileQueryRequestSchema = z
  .object({
    orderNo: z.string().max(32).optional(),
    iccid: z.string().max(32).optional(),
    esimTranNo: z.string().max(32).optional(),
    startTime: z.union([esimAccessDateTimeSchema, z.literal('')]).optional(),
    endTime: z.union([esimAccessDateTimeSchema, z.literal('')]).optional(),
    pager: esimAccessPagerRequestSchema,
  })
  .superRefine((query, ctx) => {
    const byId = [query.orderNo, query.iccid, query.esimTranNo].some(isPresentEsimAccessString);
    const hasStart = isPresentEsimAccessString(query.startTime);
    const hasEnd = isPresentEsimAccessString(query.endTime);
    // Half a time range is refused only when it would be the query's one filter.
    if (byId || hasStart === hasEnd) return;
    const missing = hasStart ? 'endTime' : 'startTime';
    ctx.addIssue({
      code: 'custom',
      path: [missing],
      message: `${missing} is required with ${hasStart ? 'startTime' : 'endTime'}`,
      params: { [ESIM_ACCESS_CODE_PARAM]: '000105' },
    });
  });
export type EsimAccessProfileQueryRequest = z.infer<typeof esimAccessProfileQueryRequestSchema>;

/** A package as listed inside a profile. */
export const esimAccessProfilePackageSchema = z.object({
  packageCode: z.string(),
  duration: z.number().int().nonnegative(),
  volume: esimAccessBytesSchema,
  locationCode: z.string(),
  packageName: z.string().nullish(),
  slug: z.string().nullish(),
  createTime: z.string().nullish(),
});

/**
 * One allocated profile (eSIM). `esimTranNo` is the stable key: ICCIDs are reused. Fields the docs' example always
 * shows are required; the rest are optional and nullable (`activateTime` is null until first use, `eid` is "" until
 * installed, apn/pin/puk/shortUrl may be filled in late).
 */
export const esimAccessProfileSchema = z.object({
  esimTranNo: z.string().min(1),
  orderNo: z.string().min(1),
  imsi: z.string(),
  iccid: z.string().min(1),
  /** LPA activation code: `LPA:1$<smdp>$<matching id>`. */
  ac: z.string(),
  qrCodeUrl: z.string(),
  smdpStatus: esimAccessSmdpStatusSchema,
  esimStatus: esimAccessEsimStatusSchema,
  packageList: z.array(esimAccessProfilePackageSchema),
  transactionId: z.string().nullish(),
  shortUrl: z.string().nullish(),
  smsStatus: z.number().int().nullish(),
  msisdn: z.string().nullish(),
  eid: z.string().nullish(),
  activeType: z.number().int().nullish(),
  dataType: z.number().int().nullish(),
  activateTime: z.string().nullish(),
  installationTime: z.string().nullish(),
  expiredTime: z.string().nullish(),
  /** Bytes, cumulative over top-ups. */
  totalVolume: esimAccessBytesSchema.nullish(),
  totalDuration: z.number().int().nonnegative().nullish(),
  durationUnit: esimAccessDurationUnitSchema.nullish(),
  /** Bytes used; lags 2 to 3 hours behind the network. */
  orderUsage: esimAccessBytesSchema.nullish(),
  pin: z.string().nullish(),
  puk: z.string().nullish(),
  apn: z.string().nullish(),
});
export type EsimAccessProfile = z.infer<typeof esimAccessProfileSchema>;

export const esimAccessProfileQueryObjSchema = z.object({
  esimList: z.array(esimAccessProfileSchema),
  pager: esimAccessPagerResponseSchema,
});
export type EsimAccessProfileQueryObj = z.infer<typeof esimAccessProfileQueryObjSchema>;
