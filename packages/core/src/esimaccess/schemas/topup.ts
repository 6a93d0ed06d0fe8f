/**
 * `POST /api/v1/open/esim/topup`: add a TOPUP_ package to a profile (not after expiry; no ORDER_STATUS webhook).
 * @module
 */
import { z } from 'zod';
import {
  esimAccessBytesSchema,
  esimAccessProfileRefShape,
  esimAccessTransactionIdSchema,
  requireIccidOrEsimTranNo,
} from './common.js';

export const esimAccessTopUpRequestSchema = z
  .object({
    /** `esimTranNo` is the documented key; `iccid` is deprecated but still accepted. */
    ...esimAccessProfileRefShape,
    /** A `TOPUP_...` code or a slug. */
    packageCode: z.string().min(1).max(64),
    transactionId: esimAccessTransactionIdSchema,
    /** Documented as a String of 1/10,000 USD; verified when sent. A non-negative integer is accepted too. */
    amount: z
      .union([
        z.string().regex(/^\d+$/, { message: 'Expected a decimal integer string' }),
        z.number().int().nonnegative(),
      ])
      .optional(),
    /** Days, for day-pass packages. */
    periodNum: z.number().int().min(1).max(365).optional(),
  })
  .superRefine(requireIccidOrEsimTranNo);
export type EsimAccessTopUpRequest = z.infer<typeof esimAccessTopUpRequestSchema>;

/** New cumulative totals of the profile after the top-up. */
export const esimAccessTopUpObjSchema = z.object({
  transactionId: z.string(),
  iccid: z.string(),
  expiredTime: z.string(),
  totalVolume: esimAccessBytesSchema,
  totalDuration: z.number().int().nonnegative(),
  orderUsage: esimAccessBytesSchema,
  topUpEsimTranNo: z.string().nullish(),
});
export type EsimAccessTopUpObj = z.infer<typeof esimAccessTopUpObjSchema>;
