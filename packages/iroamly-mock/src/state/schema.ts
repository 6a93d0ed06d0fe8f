/**
 * @module
 * The shape of {@link AccountState}, checked by the engine on every account state read back from JSON (a state
 * file at start, `restore`): a state missing `codes` or with a redeem code of unknown status would otherwise load
 * and break later requests. `satisfies` keeps it in step with the types.
 */
import { IroamlyRedeemCodeStatus } from '@esim-sandbox/core';
import { z } from 'zod';
import type { AccountState } from './types.js';

const ms = z.number();
const ids = <T extends z.ZodType>(value: T) => z.record(z.string(), value);
const optional = z.string().optional();

const code = {
  redeemCode: z.string(),
  productCode: z.string(),
  expire_at: z.string(),
  lpa: optional,
  qrToken: optional,
};

export const iroamlyAccountStateSchema = z.object({
  balance: z.number(),
  orders: ids(
    z.object({
      orderId: z.string(),
      email: z.string(),
      createdAt: ms,
      lines: z.array(
        z.object({ productCode: z.string(), quantity: z.number().int(), unitPrice: z.number() }),
      ),
      total: z.number(),
      codes: z.array(z.string()),
    }),
  ),
  codes: ids(
    z.object({
      ...code,
      orderId: z.string(),
      status: z.union(Object.values(IroamlyRedeemCodeStatus).map((s) => z.literal(s))),
      email: optional,
      redemptionId: optional,
      redeemedAt: ms.optional(),
      failureReason: optional,
    }),
  ),
  redemptions: ids(
    z.object({
      id: z.string(),
      email: z.string(),
      codes: z.array(z.string()),
      requestedAt: ms,
      dueAt: ms,
      outcome: z.enum(['success', 'failure']),
      failureReason: optional,
      completedAt: ms.optional(),
      baseUrl: optional,
    }),
  ),
  outbox: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['codes_purchased', 'qr_redeemed', 'redemption_failed']),
      to: z.string(),
      subject: z.string(),
      createdAt: ms,
      orderId: optional,
      redemptionId: optional,
      codes: z.array(z.object({ ...code, plan: z.string() })),
      failureReason: optional,
      baseUrl: optional,
    }),
  ),
  qrTokens: ids(z.string()),
  counters: z.object({ redemption: z.number().int(), message: z.number().int() }),
  pendingFailures: z.array(z.object({ reason: z.string() })),
}) satisfies z.ZodType<AccountState>;
