/**
 * @module
 * Back-door operations for tests and the playground, in the kit's operation shape. Inputs are validated by the
 * schemas here: the `/_sandbox` routes through the engine's `readJson` (HTTP 400 naming the field), the typed
 * control handle through core's `parseArguments` (InvalidArgumentError naming the field). The account is left
 * unchanged on bad input.
 */
import { z } from 'zod';
import type { OpContext } from '../ops/context.js';
import { type OpResult, ok } from '../state/result.js';
import type { AccountState, OutboxMessage } from '../state/types.js';

export const DEFAULT_FAILURE_REASON = 'the operator rejected the profile download';

export const setBalanceSchema = z.strictObject({
  /** Minor units (1/100 credit). */
  balance: z
    .number({ error: 'must be a number' })
    .int({ error: 'must be an integer' })
    .min(0)
    .max(Number.MAX_SAFE_INTEGER),
});

export const failNextRedemptionSchema = z.strictObject({
  count: z.number().int().min(1).max(1000).default(1),
  reason: z.string().min(1).max(200).default(DEFAULT_FAILURE_REASON),
});

export type FailNextRedemptionInput = z.input<typeof failNextRedemptionSchema>;

export function setBalance(ctx: OpContext, input: z.output<typeof setBalanceSchema>): OpResult<number> {
  ctx.state.balance = input.balance;
  return ok(ctx.state.balance);
}

/**
 * Makes the next `count` accepted redeemQRcode requests end in status 3 (and a failure mail) instead of 2.
 * Requests refused outright (code 7) do not use one up. Returns how many failures are now queued.
 */
export function failNextRedemptions(
  ctx: OpContext,
  input: z.output<typeof failNextRedemptionSchema>,
): OpResult<number> {
  for (let i = 0; i < input.count; i++) ctx.state.pendingFailures.push({ reason: input.reason });
  return ok(ctx.state.pendingFailures.length);
}

export function findMessage(state: AccountState, messageId: string): OutboxMessage | undefined {
  return state.outbox.find((m) => m.id === messageId);
}
