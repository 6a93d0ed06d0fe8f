/**
 * `POST /api/v1/open/esim/order`: buy one or more profiles. Allocation is asynchronous (ORDER_STATUS webhook,
 * or poll esim/query until it stops answering 200010).
 * @module
 */
import { z } from 'zod';
import { ESIM_ACCESS_CODE_PARAM, esimAccessMoneySchema, esimAccessTransactionIdSchema } from './common.js';

/** The provider allocates at most this many eSIMs per order request. */
export const ESIM_ACCESS_MAX_ESIMS_PER_ORDER = 30;

export const esimAccessPackageInfoSchema = z
  .object({
    packageCode: z.string().max(64).optional(),
    slug: z.string().max(64).optional(),
    count: z.number().int().min(1),
    /** Unit price in 1/10,000 USD; optional since v1.2, checked against the catalogue when sent. */
    price: esimAccessMoneySchema.optional(),
    /** Number of days, for day-pass packages only. */
    periodNum: z.number().int().min(1).max(365).optional(),
  })
  .superRefine((info, ctx) => {
    if (!info.packageCode && !info.slug) {
      ctx.addIssue({
        code: 'custom',
        path: ['packageCode'],
        message: 'packageCode or slug is required',
        params: { [ESIM_ACCESS_CODE_PARAM]: '000105' },
      });
    }
  });

export const esimAccessOrderRequestSchema = z
  .object({
    transactionId: esimAccessTransactionIdSchema,
    /** Total in 1/10,000 USD; when sent it must equal the sum of price x count. */
    amount: esimAccessMoneySchema.optional(),
    packageInfoList: z.array(esimAccessPackageInfoSchema).min(1).max(ESIM_ACCESS_MAX_ESIMS_PER_ORDER),
  })
  .superRefine((order, ctx) => {
    const total = order.packageInfoList.reduce((sum, info) => sum + info.count, 0);
    if (total > ESIM_ACCESS_MAX_ESIMS_PER_ORDER) {
      ctx.addIssue({
        code: 'custom',
        path: ['packageInfoList'],
        message: `at most ${ESIM_ACCESS_MAX_ESIMS_PER_ORDER} eSIMs per order, got ${total}`,
        params: { [ESIM_ACCESS_CODE_PARAM]: '200008' },
      });
    }
  });
export type EsimAccessOrderRequest = z.infer<typeof esimAccessOrderRequestSchema>;

export const esimAccessOrderObjSchema = z.object({
  orderNo: z.string().min(1),
  /** Echo of the request's transactionId (absent in older examples). */
  transactionId: z.string().nullish(),
});
export type EsimAccessOrderObj = z.infer<typeof esimAccessOrderObjSchema>;
