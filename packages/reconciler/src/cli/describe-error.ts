/**
 * One line a person can act on, for every error the CLI can meet; never a stack trace (unless
 * ESIM_RECONCILE_DEBUG=1). Secrets never appear: core's errors do not carry them.
 * @module
 */
import {
  AuthenticationError,
  ConnectionError,
  EsimSandboxError,
  InvalidArgumentError,
  ProviderError,
  type ProviderName,
  SignatureError,
  TimeoutError,
} from '@esim-sandbox/core';
import { AccountBusyError, StoreConfigError, StoreUnavailableError } from '../errors.js';

const NAMES: Record<ProviderName, string> = { esimaccess: 'eSIM Access', iroamly: 'iRoamly' };

const CREDENTIAL_HINTS: Record<ProviderName, string> = {
  esimaccess:
    'check --esimaccess-access-code and --esimaccess-secret-key (ESIMACCESS_ACCESS_CODE, ESIMACCESS_SECRET_KEY)',
  iroamly: 'check --iroamly-auth-key and --iroamly-auth-secret (IROAMLY_AUTH_KEY, IROAMLY_AUTH_SECRET)',
};

export interface ErrorContext {
  provider?: ProviderName | undefined;
  /** The provider's base URL, for "unreachable" messages. */
  url?: string | undefined;
}

/** The innermost cause: `fetch failed` says nothing, `connect ECONNREFUSED 127.0.0.1:1` does. */
function rootCause(error: Error): string {
  let current: unknown = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}

export function describeError(error: unknown, context: ErrorContext = {}): string {
  const provider = error instanceof ProviderError ? error.provider : context.provider;
  const name = provider ? NAMES[provider] : 'the provider';
  const where = context.url ? ` at ${context.url}` : '';
  if (error instanceof AuthenticationError || error instanceof SignatureError) {
    const hint = provider ? `; ${CREDENTIAL_HINTS[provider]}` : '';
    return `${name} refused the credentials (error ${error.code}: ${error.message.replace(/^\w+ error \S+: /, '')})${hint}`;
  }
  if (error instanceof ConnectionError) return `cannot reach ${name}${where}: ${rootCause(error)}`;
  if (error instanceof TimeoutError) return `${name}${where} did not answer: ${error.message}`;
  if (error instanceof ProviderError) return `${name} answered with an error: ${error.message}`;
  if (error instanceof StoreConfigError || error instanceof StoreUnavailableError) return error.message;
  if (error instanceof AccountBusyError) return `${error.message}; try again later or pass --wait SECONDS`;
  if (error instanceof InvalidArgumentError) return `invalid ${error.field}: ${error.message}`;
  if (error instanceof EsimSandboxError) return error.message;
  return `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}
