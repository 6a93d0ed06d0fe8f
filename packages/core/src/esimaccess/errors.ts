/**
 * eSIM Access specific errors: turning an envelope error into the shared error classes, and the webhook parse error.
 * @module
 */
import {
  AuthenticationError,
  EsimSandboxError,
  ProviderError,
  type ProviderErrorCode,
  type ProviderErrorInit,
  RateLimitError,
  SignatureError,
  type ValidationIssue,
} from '../errors.js';
import {
  type EsimAccessErrorCodeInfo,
  type EsimAccessErrorKind,
  getEsimAccessErrorCode,
} from './error-codes.js';

export interface EsimAccessProviderErrorInit {
  /** The envelope's errorCode (6 digits), or `HTTP_<status>` when the answer was not an envelope. */
  readonly code: string;
  readonly message?: string | undefined;
  /** RT-RequestID of the attempt that got this answer. */
  readonly requestId?: string | undefined;
  readonly httpStatus?: number | undefined;
  readonly raw?: unknown;
}

/** The error class of each kind of the code table; `auth` codes about the signature are `SignatureError`. */
const ERROR_CLASS: Record<EsimAccessErrorKind, typeof ProviderError> = {
  auth: AuthenticationError,
  rate_limit: RateLimitError,
  validation: ProviderError,
  state: ProviderError,
  not_found: ProviderError,
  server: ProviderError,
};

/** The class for a code of the table: its `signature` column, else its `kind`. */
export function esimAccessErrorClass(info: EsimAccessErrorCodeInfo | undefined): typeof ProviderError {
  if (!info) return ProviderError;
  return info.signature ? SignatureError : ERROR_CLASS[info.kind];
}

/**
 * Picks the error class callers branch on, from the code table (see {@link esimAccessErrorClass}): signature and
 * timestamp refusals -> `SignatureError`, other `auth` codes -> `AuthenticationError`, `rate_limit` (900001, the only
 * documented throttling answer and what the fake sends when the 8 req/s limit overflows) -> `RateLimitError`, HTTP
 * 429 likewise; anything else -> `ProviderError`.
 * `retryable` comes from the code table (000001, 200010, 900001) or, for HTTP errors, status >= 500 or 429.
 */
export function createEsimAccessProviderError(init: EsimAccessProviderErrorInit): ProviderError {
  const info = getEsimAccessErrorCode(init.code);
  const httpStatus = init.httpStatus;
  const isHttp = init.code.startsWith('HTTP_');
  const retryable = isHttp
    ? httpStatus !== undefined && (httpStatus >= 500 || httpStatus === 429)
    : (info?.retryable ?? false);
  const errorInit: ProviderErrorInit = {
    provider: 'esimaccess',
    // `HTTP_<status>`, a code of the table, or one it does not list, passed on as sent (see ProviderErrorCode).
    code: init.code as ProviderErrorCode,
    message: init.message || info?.meaning || 'unknown error',
    retryable,
    requestId: init.requestId,
    httpStatus,
    raw: init.raw,
  };
  if (isHttp && httpStatus === 429) return new RateLimitError(errorInit);
  const ErrorClass = esimAccessErrorClass(info);
  return new ErrorClass(errorInit);
}

/** A webhook body that is not JSON, or not a payload eSIM Access documents. `path` names the first bad field. */
export class EsimAccessWebhookParseError extends EsimSandboxError<'WEBHOOK_INVALID'> {
  readonly provider = 'esimaccess' as const;
  /** Dotted path of the first issue (`content.iccid`); empty when the body itself is wrong. */
  readonly path: string;
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[], options?: { cause?: unknown }) {
    const first = issues[0];
    const where = first?.path ? first.path : '(body)';
    super(
      'WEBHOOK_INVALID',
      `invalid eSIM Access webhook at ${where}: ${first?.message ?? 'unknown issue'}`,
      options,
    );
    this.path = first?.path ?? '';
    this.issues = issues;
  }
}
