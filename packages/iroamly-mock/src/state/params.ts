/**
 * @module
 * What a new account starts from (`POST /_sandbox/accounts {params: {...}}` or `emulator.createAccount({params})`)
 * and the balance rule the options and the control verbs share.
 */
import { z } from 'zod';

export const balanceSchema = z
  .number({ error: 'must be a number' })
  .int({ error: 'must be an integer (1/100 credit)' })
  .min(0)
  .max(Number.MAX_SAFE_INTEGER);

export const accountParamsSchema = z.strictObject({ balance: balanceSchema.optional() });
export type IroamlyAccountParams = z.infer<typeof accountParamsSchema>;
