/**
 * `POST /api/v1/open/balance/query`.
 * @module
 */
import { z } from 'zod';
import { esimAccessMoneySchema } from './common.js';

export const esimAccessBalanceRequestSchema = z.object({});

export const esimAccessBalanceObjSchema = z.object({
  /** 1/10,000 USD. */
  balance: esimAccessMoneySchema,
  /** The changelog mentions a "last updated" date; its field name is not documented. */
  lastUpdateTime: z.string().nullish(),
});
export type EsimAccessBalanceObj = z.infer<typeof esimAccessBalanceObjSchema>;
