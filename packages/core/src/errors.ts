/**
 * Typed errors, modelled on stripe-node: callers branch on `code` (or `instanceof`), never on message text.
 * @module
 */

import type { EsimAccessErrorCode } from './esimaccess/error-codes.js';
import type { IroamlyCode } from './iroamly/codes.js';

export type ProviderName = 'esimaccess' | 'iroamly';

/** iRoamly's non-success codes as the error carries them (`'2'`, `'-1'`), from its named-code table. */
export type IroamlyErrorCode = `${Exclude<IroamlyCode, typeof IroamlyCode.SUCCESS>}`;

/** An HTTP error status when the answer was not the provider's envelope (`HTTP_502`). */
export type HttpErrorCode = `HTTP_${number}`;

/**
 * What a `ProviderError`'s `code` can be: a code of eSIM Access's or iRoamly's code table, or `HTTP_<status>`.
 * A code the provider sends that its table does not list is passed on as sent; the type names the codes a caller
 * can branch on.
 */
export type ProviderErrorCode = EsimAccessErrorCode | IroamlyErrorCode | HttpErrorCode;

/**
 * Root of every error any esim-sandbox package throws (`instanceof EsimSandboxError` holds for all of them).
 * `code` discriminates; each class family narrows it to its own string literal union.
 */
export class EsimSandboxError<Code extends string = string> extends Error {
  readonly code: Code;

  constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export interface ProviderErrorInit {
  provider: ProviderName;
  code: ProviderErrorCode;
  message: string;
  retryable: boolean;
  requestId?: string | undefined;
  httpStatus?: number | undefined;
  raw?: unknown;
}

/** The provider answered, and its answer was an error (envelope error code, or an HTTP error). */
export class ProviderError extends EsimSandboxError<ProviderErrorCode> {
  readonly provider: ProviderName;
  readonly retryable: boolean;
  readonly requestId: string | undefined;
  readonly httpStatus: number | undefined;
  readonly raw: unknown;

  constructor(init: ProviderErrorInit) {
    super(init.code, `${init.provider} error ${init.code}: ${init.message}`);
    this.provider = init.provider;
    this.retryable = init.retryable;
    this.requestId = init.requestId;
    this.httpStatus = init.httpStatus;
    this.raw = init.raw;
  }
}

/** Credentials were refused (missing/bad key, blocked IP, bad certification). */
export class AuthenticationError extends ProviderError {}

/** The provider refused our signature or its timestamp. */
export class SignatureError extends ProviderError {}

/** The provider throttled us ("system busy" or HTTP 429). */
export class RateLimitError extends ProviderError {}

/** A client-side argument or option is invalid; nothing was sent. `field` names it. */
export class InvalidArgumentError extends EsimSandboxError<'INVALID_ARGUMENT'> {
  readonly field: string;

  constructor(field: string, message: string) {
    super('INVALID_ARGUMENT', `${field}: ${message}`);
    this.field = field;
  }
}

/** The request never got an answer: DNS, refused connection, reset socket. */
export class ConnectionError extends EsimSandboxError<'CONNECTION_ERROR'> {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CONNECTION_ERROR', message, options);
  }
}

/** No answer within the per-request timeout. */
export class TimeoutError extends EsimSandboxError<'TIMEOUT'> {
  readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    super('TIMEOUT', `no response within ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

/** The caller's AbortSignal fired. */
export class AbortError extends EsimSandboxError<'ABORTED'> {
  constructor(options?: { cause?: unknown }) {
    super('ABORTED', 'the request was aborted by the caller', options);
  }
}

export interface ValidationIssue {
  path: string;
  message: string;
}

/** The provider's answer does not match the schema we know: the API drifted, or a proxy answered. */
export class ResponseValidationError extends EsimSandboxError<'RESPONSE_VALIDATION'> {
  readonly issues: readonly ValidationIssue[];
  readonly body: unknown;

  constructor(issues: readonly ValidationIssue[], body: unknown, context = 'response') {
    const first = issues[0];
    const summary = first ? `${first.path || '(root)'}: ${first.message}` : 'unknown mismatch';
    const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : '';
    super('RESPONSE_VALIDATION', `unexpected ${context} shape at ${summary}${more}`);
    this.issues = issues;
    this.body = body;
  }
}

/** A bad command line (the contract and reconciler CLIs): the message names the flag. Exit code 2. */
export class UsageError extends EsimSandboxError<'USAGE'> {
  /** The flag at fault, when there is one. */
  readonly flag: string | undefined;

  constructor(message: string, flag?: string) {
    super('USAGE', message);
    this.flag = flag;
  }
}
