/**
 * iRoamly response bodies (spec v1.2 + NOTES section 2). The client parses answers with these; the fake builds
 * its answers with them. Unknown keys are stripped rather than refused, so a provider adding a field does not
 * break production.
 * @module
 */
import { z } from 'zod';

/** Redeem code status (spec "Redeem Code Status Definitions"). */
export const IroamlyRedeemCodeStatus = {
  NOT_REDEEMED: 0,
  REDEEMING: 1,
  REDEEMED: 2,
  FAILED: 3,
} as const;
export type IroamlyRedeemCodeStatus = (typeof IroamlyRedeemCodeStatus)[keyof typeof IroamlyRedeemCodeStatus];

export const iroamlyRedeemCodeStatusSchema = z.union([
  z.literal(IroamlyRedeemCodeStatus.NOT_REDEEMED),
  z.literal(IroamlyRedeemCodeStatus.REDEEMING),
  z.literal(IroamlyRedeemCodeStatus.REDEEMED),
  z.literal(IroamlyRedeemCodeStatus.FAILED),
]);

const successCode = z.literal(1);
const msg = z.string();

/** Any answer that is not a success: `{code, msg}` with a code other than 1 (see `iroamlyCodes`). */
export const iroamlyErrorResponseSchema = z.object({
  code: z
    .number()
    .int()
    .refine((code) => code !== 1, { error: 'an error response cannot carry code 1' }),
  msg,
});

/** The envelope every openapi answer shares; the client reads `code` first, then parses the full shape. */
export const iroamlyEnvelopeSchema = z.object({ code: z.number().int(), msg });

export const iroamlyPurchaseCodeResponseSchema = z.object({
  code: successCode,
  msg,
  orderId: z.string().min(1),
});

/** Calendar date as the provider writes it: `2024-06-30`, no time, no zone. */
export const iroamlyExpireAtSchema = z.iso.date({ error: 'must be a YYYY-MM-DD date' });

export const iroamlyRedeemCodeSchema = z.object({
  productCode: z.string().min(1),
  redeemCode: z.string().min(1),
  expire_at: iroamlyExpireAtSchema,
  status: iroamlyRedeemCodeStatusSchema,
});

export const iroamlyCodeQueryResponseSchema = z.object({
  code: successCode,
  msg,
  data: z.array(iroamlyRedeemCodeSchema),
});

export const iroamlyRedeemQrcodeResponseSchema = z.object({
  code: successCode,
  msg,
});

export const iroamlyQrcodeQueryResponseSchema = z.object({
  code: successCode,
  msg,
  redeemCode: z.string().min(1),
  qrcode: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
});

/**
 * One item of `GET /common/getPlanItem`. Field types come from NOTES section 2 (confidence M): where the notes
 * do not pin a type down (`region_index`), both plausible JSON types are accepted.
 */
export const iroamlyPlanSchema = z.object({
  plan: z.string(),
  productCode: z.string().min(1),
  /** Volume as text: `10GB`, `Unlimited`. */
  data: z.string(),
  type: z.string(),
  package_type: z.string(),
  /** Validity in days, as a decimal string (`"30"`). */
  duration: z.string(),
  speed: z.string(),
  operator: z.string(),
  region: z.string(),
  region_index: z.union([z.string(), z.number()]),
  /**
   * Price as the provider sends it: a JSON float, currency unstated. Kept as given so nothing is lost, but we
   * never do arithmetic on it as a float: convert to integer minor units (or a decimal type) before summing or
   * comparing money.
   */
  credit: z.number().finite().nonnegative(),
  remark: z.string(),
});

/** The plan list is a bare JSON array, with no `{code, msg}` envelope. */
export const iroamlyPlanListResponseSchema = z.array(iroamlyPlanSchema);

export type IroamlyPurchaseCodeResponse = z.infer<typeof iroamlyPurchaseCodeResponseSchema>;
export type IroamlyRedeemCode = z.infer<typeof iroamlyRedeemCodeSchema>;
export type IroamlyCodeQueryResponse = z.infer<typeof iroamlyCodeQueryResponseSchema>;
export type IroamlyRedeemQrcodeResponse = z.infer<typeof iroamlyRedeemQrcodeResponseSchema>;
export type IroamlyQrcodeQueryResponse = z.infer<typeof iroamlyQrcodeQueryResponseSchema>;
export type IroamlyPlan = z.infer<typeof iroamlyPlanSchema>;
export type IroamlyPlanListResponse = z.infer<typeof iroamlyPlanListResponseSchema>;
