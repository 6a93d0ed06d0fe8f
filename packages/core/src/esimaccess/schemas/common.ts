/**
 * Building blocks shared by the eSIM Access request and response schemas.
 * @module
 */
import { z } from 'zod';

/**
 * Custom refinements tag their issue with the provider code they map to, so the shared request-issue mapper
 * (`mapEsimAccessRequestIssue`) does not have to guess from a message.
 */
export const ESIM_ACCESS_CODE_PARAM = 'esimAccessCode';

/** Money in the provider's unit: 1/10,000 USD (10000 = $1.00). Never a float. */
export const esimAccessMoneySchema = z.number().int().nonnegative();
/** Byte counts (volume, usage). Integers that can exceed 2^32, still within 2^53. */
export const esimAccessBytesSchema = z.number().int().nonnegative();

/** `esimStatus` as documented. The field table spells `REVOKE`, the webhook docs `REVOKED`: both are accepted. */
export const esimAccessEsimStatusSchema = z.enum([
  'CREATE',
  'PAYING',
  'PAID',
  'GETTING_RESOURCE',
  'GOT_RESOURCE',
  'IN_USE',
  'USED_UP',
  'UNUSED_EXPIRED',
  'USED_EXPIRED',
  'CANCEL',
  'SUSPENDED',
  'REVOKE',
  'REVOKED',
]);
export type EsimAccessEsimStatus = z.infer<typeof esimAccessEsimStatusSchema>;

/** SM-DP+ side status of a profile. */
export const esimAccessSmdpStatusSchema = z.enum([
  'RELEASED',
  'DOWNLOAD',
  'INSTALLATION',
  'ENABLED',
  'DISABLED',
  'DELETED',
]);
export type EsimAccessSmdpStatus = z.infer<typeof esimAccessSmdpStatusSchema>;

/** Unit of `duration`/`totalDuration`. Only `DAY` is documented; kept open so a new unit does not break parsing. */
export const esimAccessDurationUnitSchema = z.string().min(1);

/**
 * ISO-8601 date-time as the provider writes it: `2024-05-29T18:34:17+0000`, `2025-08-09T00:23:45Z`,
 * also accepting `+00:00` and fractional seconds.
 */
export const esimAccessDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})$/, {
    message: 'Expected an ISO-8601 date-time such as 2024-05-29T18:34:17+0000',
  });

/** Partner-chosen idempotency key of an order or top-up: mandatory, at most 50 characters. */
export const esimAccessTransactionIdSchema = z.string().min(1).max(50);

/** Profile identifiers. Kept as non-empty strings: ICCIDs are reused by the provider, esimTranNo is the stable key. */
export const esimAccessEsimTranNoSchema = z.string().min(1).max(32);

/** Request pager of `esim/query`. */
export const esimAccessPagerRequestSchema = z.object({
  pageNum: z.number().int().min(1).max(10_000),
  pageSize: z.number().int().min(5).max(500),
});

/** Pager echoed back by `esim/query`; `total` counts all matching profiles. */
export const esimAccessPagerResponseSchema = z.object({
  pageNum: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int().nonnegative(),
});

/** Several endpoints answer `obj: {}`; live responses may also carry `null` or omit it. */
export const esimAccessEmptyObjSchema = z.object({}).nullish();

const present = (value: string | undefined | null): boolean => typeof value === 'string' && value.length > 0;

/**
 * Identifier of one profile: `iccid` or `esimTranNo` (esimTranNo recommended, ICCIDs are reused).
 * At least one must be present and non-empty; a miss is reported on `esimTranNo` as "mandatory param missing".
 */
export const esimAccessProfileRefShape = {
  // Empty strings are tolerated here because clients commonly send the unused identifier as "".
  iccid: z.string().max(32).optional(),
  esimTranNo: z.string().max(32).optional(),
};

export function requireIccidOrEsimTranNo(
  value: { iccid?: string | undefined; esimTranNo?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (!present(value.iccid) && !present(value.esimTranNo)) {
    ctx.addIssue({
      code: 'custom',
      path: ['esimTranNo'],
      message: 'iccid or esimTranNo is required',
      params: { [ESIM_ACCESS_CODE_PARAM]: '000105' },
    });
  }
}

export { present as isPresentEsimAccessString };
