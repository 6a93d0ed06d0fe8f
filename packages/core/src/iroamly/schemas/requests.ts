/**
 * iRoamly request bodies (spec v1.2). The production client validates its arguments with these before sending,
 * and the fake validates incoming bodies with the very same schemas, so the two cannot drift apart.
 *
 * Request objects are not strict: like most JSON APIs, we assume the real server ignores unknown keys, so the
 * fake must not refuse them either. Every failure here is the provider's code 3 (see `toIroamlyParameterError`).
 * @module
 */
import { z } from 'zod';

/**
 * Upper bound per productList line. The spec sets none; 100 keeps a typo (1000 instead of 10) from draining the
 * balance, and the fake enforces the same bound, so a client passing here passes there.
 */
export const IROAMLY_MAX_QUANTITY_PER_LINE = 100;

/** Messages say what is wrong, not where: the path is prefixed by whoever reports the issue. */
const expected = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'is required' : `must be ${what}`;

const nonEmpty = () => z.string({ error: expected('a string') }).min(1, { error: 'must not be empty' });

const body = { error: expected('a JSON object') };

export const iroamlyEmailSchema = z.email({ error: expected('a valid email address') });

export const iroamlyPurchaseLineSchema = z.object(
  {
    productCode: nonEmpty(),
    quantity: z
      .number({ error: expected('a number') })
      .int({ error: 'must be an integer' })
      .min(1, { error: 'must be at least 1' })
      .max(IROAMLY_MAX_QUANTITY_PER_LINE, { error: `must be at most ${IROAMLY_MAX_QUANTITY_PER_LINE}` }),
  },
  body,
);

/**
 * Upper bound on the codes of one purchase (the quantities summed over productList). The spec sets none; one
 * order's codes arrive in one codeQuery answer and one mail, and 100 is the per-line bound, so a purchase can
 * never exceed what a single line may ask for. The fake enforces the same bound (code 3).
 */
export const IROAMLY_MAX_CODES_PER_PURCHASE = 100;

/** `POST /openapi/purchaseCode` */
export const iroamlyPurchaseCodeRequestSchema = z.object(
  {
    email: iroamlyEmailSchema,
    productList: z
      .array(iroamlyPurchaseLineSchema, { error: expected('an array') })
      .min(1, { error: 'must not be empty' })
      .refine((lines) => lines.reduce((sum, l) => sum + l.quantity, 0) <= IROAMLY_MAX_CODES_PER_PURCHASE, {
        error: `must not ask for more than ${IROAMLY_MAX_CODES_PER_PURCHASE} codes in all`,
      }),
  },
  body,
);

/** `POST /openapi/codeQuery` */
export const iroamlyCodeQueryRequestSchema = z.object({ orderId: nonEmpty() }, body);

/** `POST /openapi/redeemQRcode` (the spec's table for codeList is mislabelled "productList Fields"). */
export const iroamlyRedeemQrcodeRequestSchema = z.object(
  {
    email: iroamlyEmailSchema,
    codeList: z
      .array(z.object({ redeemCode: nonEmpty() }, body), { error: expected('an array') })
      .min(1, { error: 'must not be empty' }),
  },
  body,
);

/**
 * `POST /openapi/qrcodeQuery`. The spec's parameter table names the field `code`, its example sends
 * `redeemCode`; we accept either, and exactly one. Read the value with `iroamlyQrcodeQueryRedeemCode`.
 */
export const iroamlyQrcodeQueryRequestSchema = z
  .object(
    {
      code: nonEmpty().optional(),
      redeemCode: nonEmpty().optional(),
    },
    body,
  )
  .superRefine((body, ctx) => {
    if (body.code === undefined && body.redeemCode === undefined) {
      ctx.addIssue({ code: 'custom', path: ['redeemCode'], message: 'is required (or send code)' });
    } else if (body.code !== undefined && body.redeemCode !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['code'], message: 'send either code or redeemCode, not both' });
    }
  });

/** The wire field the client uses for qrcodeQuery; the default follows the spec's example. */
export type IroamlyQrcodeQueryField = 'redeemCode' | 'code';

/** The redeem code of a valid qrcodeQuery body, whichever field carried it. */
export function iroamlyQrcodeQueryRedeemCode(body: IroamlyQrcodeQueryRequest): string {
  // The schema guarantees exactly one is present.
  return (body.redeemCode ?? body.code)!;
}

/**
 * `GET /common/getPlanItem?region=`: ISO2 code, country name or slug (`united-states`), per NOTES section 2.
 */
export const iroamlyPlanListQuerySchema = z.object({ region: nonEmpty() }, body);

export type IroamlyPurchaseCodeRequest = z.infer<typeof iroamlyPurchaseCodeRequestSchema>;
export type IroamlyRedeemQrcodeRequest = z.infer<typeof iroamlyRedeemQrcodeRequestSchema>;
export type IroamlyQrcodeQueryRequest = z.infer<typeof iroamlyQrcodeQueryRequestSchema>;
