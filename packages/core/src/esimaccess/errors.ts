/**
 * eSIM Access specific errors: turning an envelope error into the shared error classes, and the webhook parse error.
 * @module
 */
import {
  AuthenticationError,
  EsimSandboxError,
  ProviderError,
  type ProviderErrorInit,
  RateLimitError,
  SignatureError,
  type ValidationIssue,
} from '../errors.js';
import { getEsimAccessErrorCode } from './error-codes.js';

export interface EsimAccessProviderErrorInit {
  /** The envelope's errorCode (6 digits), or `HTTP_<status>` when the answer was not an envelope. */
  readonly code: string;
  readonly message?: string | undefined;
  /** RT-RequestID of the attempt that got this answer. */
  readonly requestId?: string | undefined;
  readonly httpStatus?: number | undefined;
  readonly raw?: unknown;
}

/**
 * Picks the error class callers branch on:
 * - 101001 timestamp expired, 101003 signature mismatch -> `SignatureError`;
 * - 000101/000102 bad headers, 101002 IP blocked (and the unofficial 401001) -> `AuthenticationError`;
 * - 900001 "system busy" -> `RateLimitError`: it is the only documented throttling answer, and what the fake sends
 *   when the 8 req/s limit overflows; HTTP 429 likewise;
 * - anything else -> `ProviderError`.
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
    code: init.code,
    message: init.message || info?.meaning || 'unknown error',
    retryable,
    requestId: init.requestId,
    httpStatus,
    raw: init.raw,
  };
  if (init.code === '101001' || init.code === '101003') return new SignatureError(errorInit);
  if (info?.kind === 'auth') return new AuthenticationError(errorInit);
  if (init.code === '900001' || (isHttp && httpStatus === 429)) return new RateLimitError(errorInit);
  return new ProviderError(errorInit);
}

/** A webhook body that is not JSON, or not a payload eSIM Access documents. `path` names the first bad field. */
export class EsimAccessWebhookParseError extends EsimSandboxError {
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
