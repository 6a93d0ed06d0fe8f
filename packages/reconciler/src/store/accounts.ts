/**
 * Provider accounts. An account is named by the operator (`esimaccess`, `iroamly`, `esimaccess-eu`...); its
 * credentials are never stored.
 * @module
 */
import type { ProviderName } from '@esim-sandbox/core';
import { asc, eq } from 'drizzle-orm';
import { AccountError } from '../errors.js';
import type { Db } from './open.js';
import { accounts } from './schema.js';

export type Account = typeof accounts.$inferSelect;

/** eSIM Access amounts are 1/10,000 USD; iRoamly prices are decimal credits, kept as 1/10,000 credit. */
export const DEFAULT_MONEY_UNIT: Readonly<Record<ProviderName, string>> = {
  esimaccess: 'USD/10000',
  iroamly: 'credit/10000',
};

export interface AccountInput {
  id: string;
  provider: ProviderName;
  moneyUnit?: string | undefined;
}

const ACCOUNT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Creates the account on first use; refuses an id already used for the other provider. */
export async function ensureAccount(db: Db, input: AccountInput): Promise<Account> {
  if (!ACCOUNT_ID.test(input.id)) {
    throw new AccountError(input.id, 'ids are 1-64 letters, digits, dots, dashes or underscores');
  }
  await db
    .insert(accounts)
    .values({
      id: input.id,
      provider: input.provider,
      moneyUnit: input.moneyUnit ?? DEFAULT_MONEY_UNIT[input.provider],
    })
    .onConflictDoNothing();
  const account = await getAccount(db, input.id);
  if (account.provider !== input.provider) {
    throw new AccountError(input.id, `belongs to ${account.provider}, not ${input.provider}`);
  }
  return account;
}

export async function getAccount(db: Db, id: string): Promise<Account> {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, id));
  if (!account) throw new AccountError(id, 'is not in the store (run a sync for it first)');
  return account;
}

export async function listAccounts(db: Db): Promise<Account[]> {
  return db.select().from(accounts).orderBy(asc(accounts.id));
}
