/**
 * @module
 * Request authentication: `AuthKey` names the account, `Certification` must be SHA-256(AuthKey+AuthSecret)
 * (verified by core, constant time, hex case ignored). Every failure is the provider's code 2.
 * The public plan list needs no credentials: it belongs to the account whose full credentials it carries, else to
 * the default account.
 */
import { IROAMLY_AUTH_KEY_MAX_LENGTH, IroamlyCode, verifyIroamlyCertification } from '@esim-sandbox/core';
import type { AccountLookup, AuthResult, ProviderEnv } from '@esim-sandbox/emulator';
import type { Context } from 'hono';
import type { IroamlyAccountParams } from '../runtime/options.js';
import type { IroamlyRuntime, IroamlyTenant } from '../runtime/runtime.js';
import { failure } from '../state/result.js';
import type { AccountState } from '../state/types.js';
import { PUBLIC_PATHS } from './endpoints.js';
import { sendFailure } from './envelope.js';

type Auth = AuthResult<AccountState, IroamlyAccountParams>;

type Ctx = Context<ProviderEnv<AccountState, IroamlyAccountParams>>;

export function authenticate(
  c: Ctx,
  lookup: (key: string) => IroamlyTenant | undefined,
  accounts: AccountLookup<AccountState, IroamlyAccountParams>,
  rt: IroamlyRuntime,
): Auth {
  const headers = c.get('headers');
  const key = headers.get('AuthKey');
  if (PUBLIC_PATHS.has(c.req.path)) {
    // Only credentials that verify make it that account's request (its rate limit, faults, journal); anything
    // else is anonymous and belongs to the default account, so an AuthKey alone can never spend another account's.
    const named = key ? lookup(key) : undefined;
    const certification = headers.get('Certification');
    const verified =
      named && certification && verifyIroamlyCertification(named.key, named.secret, certification);
    return { tenant: verified ? named : accounts.account() };
  }
  if (!key) return refuse(c, rt, 'the AuthKey header is missing');
  if (key.length > IROAMLY_AUTH_KEY_MAX_LENGTH) {
    return refuse(c, rt, `AuthKey is longer than ${IROAMLY_AUTH_KEY_MAX_LENGTH} characters`);
  }
  const tenant = lookup(key);
  if (!tenant) return refuse(c, rt, 'unknown AuthKey');
  const certification = headers.get('Certification');
  if (!certification) return refuse(c, rt, 'the Certification header is missing', tenant);
  if (!verifyIroamlyCertification(tenant.key, tenant.secret, certification)) {
    return refuse(c, rt, 'Certification does not match SHA-256(AuthKey+AuthSecret)', tenant);
  }
  return { tenant };
}

function refuse(c: Ctx, rt: IroamlyRuntime, detail: string, tenant?: IroamlyTenant): Auth {
  const error = sendFailure(c, rt, failure(IroamlyCode.AUTHENTICATION_FAILED, detail));
  return tenant ? { error, tenant } : { error };
}
