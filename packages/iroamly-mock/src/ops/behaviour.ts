/**
 * @module
 * The switches for every point where the spec is silent (see the README's Fidelity table).
 */
import { IroamlyCode, parseArguments } from '@esim-sandbox/core';
import { z } from 'zod';

const behaviourSchema = z.strictObject({
  /** Codes 5 and 6 both mean "Insufficient balance"; core's table makes 5 the default. */
  insufficientBalanceCode: z
    .union([z.literal(IroamlyCode.INSUFFICIENT_BALANCE), z.literal(IroamlyCode.INSUFFICIENT_BALANCE_ALT)])
    .default(IroamlyCode.INSUFFICIENT_BALANCE),
  /** codeQuery with an orderId the account never saw. 7 is the table's only "does not exist" code. */
  unknownOrderCode: z
    .union([z.literal(IroamlyCode.INVALID_PARAMETERS), z.literal(IroamlyCode.REDEEM_CODE_UNAVAILABLE)])
    .default(IroamlyCode.REDEEM_CODE_UNAVAILABLE),
  /** A purchased code's `expire_at` is this many days after the purchase (virtual clock). */
  codeValidityDays: z.number().int().min(0).max(36_500).default(180),
  /** "The more you redeem, the longer the waiting time": base + perCode × number of codes, virtual ms. */
  redemptionDelay: z
    .strictObject({
      baseMs: z.number().int().min(0).default(2_000),
      perCodeMs: z.number().int().min(0).default(1_000),
    })
    .default({ baseMs: 2_000, perCodeMs: 1_000 }),
  /** SM-DP+ host written into the LPA activation codes. `.test` is reserved, so it never resolves. */
  smdpAddress: z
    .string()
    .regex(/^[a-z0-9.-]+$/i, { error: 'must be a host name' })
    .default('rsp.iroamly-sandbox.test'),
  /** Mail the purchased codes to the order's email (our reading of why purchaseCode takes an email). */
  purchaseEmail: z.boolean().default(true),
});

export type IroamlyBehaviour = z.output<typeof behaviourSchema>;
export type IroamlyBehaviourOptions = z.input<typeof behaviourSchema>;

/** Fills defaults; throws InvalidArgumentError naming the bad option (`behaviour.codeValidityDays`). */
export function resolveBehaviour(options: IroamlyBehaviourOptions = {}): IroamlyBehaviour {
  return parseArguments(behaviourSchema, options, 'behaviour');
}
