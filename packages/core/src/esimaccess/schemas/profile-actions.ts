/**
 * Single-profile actions: `esim/cancel` (refund, only GOT_RESOURCE + RELEASED), `esim/suspend`, `esim/unsuspend`,
 * `esim/revoke` (no refund) and `esim/sendSms`. All answer `obj: {}`.
 * @module
 */
import { z } from 'zod';
import { esimAccessProfileRefShape, requireIccidOrEsimTranNo } from './common.js';

/** Body of cancel, suspend, unsuspend and revoke: `iccid` or `esimTranNo`. */
const esimAccessProfileActionRequestSchema = z
  .object(esimAccessProfileRefShape)
  .superRefine(requireIccidOrEsimTranNo);
export type EsimAccessProfileActionRequest = z.infer<typeof esimAccessProfileActionRequestSchema>;

export const esimAccessCancelRequestSchema = esimAccessProfileActionRequestSchema;
export const esimAccessSuspendRequestSchema = esimAccessProfileActionRequestSchema;
export const esimAccessUnsuspendRequestSchema = esimAccessProfileActionRequestSchema;
export const esimAccessRevokeRequestSchema = esimAccessProfileActionRequestSchema;

export const ESIM_ACCESS_MAX_SMS_LENGTH = 500;

export const esimAccessSendSmsRequestSchema = z
  .object({
    ...esimAccessProfileRefShape,
    message: z.string().min(1).max(ESIM_ACCESS_MAX_SMS_LENGTH),
  })
  .superRefine(requireIccidOrEsimTranNo);
export type EsimAccessSendSmsRequest = z.infer<typeof esimAccessSendSmsRequestSchema>;
