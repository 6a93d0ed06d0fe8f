/**
 * @module
 * The shape of {@link EsimAccessAccountState}, checked by the engine on every account state read back from JSON (a
 * state file at start, `restore`): a state missing `orders` or carrying a profile without `iccid` would otherwise
 * load and break later requests. `satisfies` keeps it in step with the types.
 */
import {
  esimAccessEsimStatusSchema,
  esimAccessSmdpStatusSchema,
  esimAccessTopUpObjSchema,
} from '@esim-sandbox/core';
import { z } from 'zod';
import type { EsimAccessAccountState } from './types.js';

const ms = z.number();
const ids = <T extends z.ZodType>(value: T) => z.record(z.string(), value);

const profileStatus = { esimStatus: esimAccessEsimStatusSchema, smdpStatus: esimAccessSmdpStatusSchema };

const order = z.object({
  orderNo: z.string(),
  transactionId: z.string(),
  status: z.enum(['GETTING_RESOURCE', 'GOT_RESOURCE']),
  createdAt: ms,
  items: z.array(
    z.object({
      packageCode: z.string(),
      count: z.number().int(),
      unitPrice: z.number(),
      periodNum: z.number().int().nullable(),
    }),
  ),
  amount: z.number(),
  esimTranNos: z.array(z.string()),
});

const profile = z.object({
  ...profileStatus,
  esimTranNo: z.string(),
  orderNo: z.string(),
  transactionId: z.string(),
  iccid: z.string(),
  imsi: z.string(),
  msisdn: z.string(),
  ac: z.string(),
  qrId: z.string(),
  eid: z.string(),
  pin: z.string(),
  puk: z.string(),
  apn: z.string(),
  suspendedFrom: z.object(profileStatus).nullable(),
  basePackageCode: z.string(),
  packages: z.array(
    z.object({
      packageCode: z.string(),
      slug: z.string(),
      packageName: z.string(),
      duration: z.number(),
      volume: z.number(),
      locationCode: z.string(),
      createTime: ms,
    }),
  ),
  activeType: z.number(),
  dataType: z.number(),
  smsStatus: z.number(),
  price: z.number(),
  totalVolume: z.number(),
  totalDuration: z.number(),
  durationUnit: z.string(),
  orderUsage: z.number(),
  usageResetAt: ms.nullable(),
  smdpSeqNumber: z.number(),
  createdAt: ms,
  unusedExpiresAt: ms,
  installedAt: ms.nullable(),
  activatedAt: ms.nullable(),
  expiresAt: ms.nullable(),
  lastUsageAt: ms.nullable(),
  usageNotified: z.array(z.number()),
  validityWarnedFor: ms.nullable(),
});

export const esimAccessAccountStateSchema = z.object({
  balance: z.number().int().min(0),
  orders: ids(order),
  orderNoByTransactionId: ids(z.string()),
  profiles: ids(profile),
  esimTranNoByIccid: ids(z.string()),
  topUps: ids(
    z.object({
      transactionId: z.string(),
      esimTranNo: z.string(),
      packageCode: z.string(),
      amount: z.number(),
      at: ms,
      result: esimAccessTopUpObjSchema,
    }),
  ),
  stock: ids(z.number()),
  counters: z.object({ order: z.number().int(), esim: z.number().int() }),
  sms: z.array(z.object({ at: ms, esimTranNo: z.string(), iccid: z.string(), message: z.string() })),
  ledger: z.array(
    z.object({
      at: ms,
      kind: z.enum(['order', 'topup', 'refund', 'adjust']),
      amount: z.number(),
      balance: z.number(),
      ref: z.string(),
    }),
  ),
}) satisfies z.ZodType<EsimAccessAccountState>;
