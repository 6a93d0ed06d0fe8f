/**
 * Options of `EsimAccessClient`, checked once at construction.
 * @module
 */
import { InvalidArgumentError } from '../../errors.js';
import { type RateLimiter, SlidingWindowLimiter } from '../../http/rate-limiter.js';
import type { RetryPolicy } from '../../http/retry.js';
import type { FetchLike } from '../../http/transport.js';

/**
 * - `hmac` (default): RT-AccessCode, RT-Timestamp, RT-RequestID and RT-Signature on every request.
 * - `access-code-only`: only RT-AccessCode, the documented "key in header" mode the live API also accepts.
 */
export type EsimAccessSigningMode = 'hmac' | 'access-code-only';

export interface EsimAccessRateLimitOptions {
  limit: number;
  windowMs: number;
  /** Extra spacing on top of the window (default 100 ms; see ESIM_ACCESS_DEFAULT_RATE_LIMIT). */
  marginMs?: number;
}

export interface EsimAccessClientOptions {
  accessCode: string;
  /** Required for `hmac` signing; unused (and optional) with `access-code-only`. */
  secretKey?: string | undefined;
  signing?: EsimAccessSigningMode | undefined;
  /** Default `https://api.esimaccess.com`. Point it at the fake. */
  baseUrl?: string | undefined;
  fetch?: FetchLike | undefined;
  /** Per attempt; default 30 s. */
  timeoutMs?: number | undefined;
  /** Retry policy for retry-safe calls, or `false` for none. */
  retry?: Partial<RetryPolicy> | false | undefined;
  /**
   * Client-side throttle shared by every call of this client: default 8 requests per 1000 ms (the provider's limit),
   * `false` for none, or a limiter instance to share between clients of one account.
   */
  rateLimit?: EsimAccessRateLimitOptions | RateLimiter | false | undefined;
  /** Clock for RT-Timestamp, in ms; the fake's virtual clock goes here. Default `Date.now`. */
  now?: (() => number) | undefined;
  /** RT-RequestID generator; default a UUID v4 without dashes. */
  requestId?: (() => string) | undefined;
  /** Backoff sleep and jitter source, injectable so tests need not wait. */
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  random?: (() => number) | undefined;
}

export interface ResolvedEsimAccessOptions {
  accessCode: string;
  secretKey: string | undefined;
  signing: EsimAccessSigningMode;
  limiter: RateLimiter | null;
}

/**
 * 8 requests per second (spec), spaced by an extra 100 ms: requests reach the provider a little after they leave
 * and network jitter bunches them up, so a limiter that counts send times exactly still trips the provider's window.
 */
export const ESIM_ACCESS_DEFAULT_RATE_LIMIT: EsimAccessRateLimitOptions = {
  limit: 8,
  windowMs: 1000,
  marginMs: 100,
};

function isLimiter(value: unknown): value is RateLimiter {
  return typeof (value as RateLimiter | undefined)?.acquire === 'function';
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

function requireText(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidArgumentError(field, 'is required and must be a non-empty string');
  }
  return value;
}

export function resolveEsimAccessOptions(options: EsimAccessClientOptions): ResolvedEsimAccessOptions {
  // Plain JS callers can pass anything; check before touching fields.
  if (options === null || typeof options !== 'object') {
    throw new InvalidArgumentError('options', 'must be an object with accessCode and secretKey');
  }
  const signing = options.signing ?? 'hmac';
  if (signing !== 'hmac' && signing !== 'access-code-only') {
    throw new InvalidArgumentError('signing', `must be 'hmac' or 'access-code-only', got ${String(signing)}`);
  }
  const accessCode = requireText('accessCode', options.accessCode);
  const secretKey = signing === 'hmac' ? requireText('secretKey', options.secretKey) : options.secretKey;
  if (options.baseUrl !== undefined && !isHttpUrl(options.baseUrl)) {
    throw new InvalidArgumentError(
      'baseUrl',
      `must be an absolute http(s) URL, got ${String(options.baseUrl)}`,
    );
  }
  if (options.timeoutMs !== undefined && !(options.timeoutMs > 0)) {
    throw new InvalidArgumentError('timeoutMs', `must be > 0, got ${options.timeoutMs}`);
  }
  let limiter: RateLimiter | null;
  const rateLimit = options.rateLimit;
  if (rateLimit === false) limiter = null;
  else if (isLimiter(rateLimit)) limiter = rateLimit;
  else {
    const { limit, windowMs, marginMs } = { ...ESIM_ACCESS_DEFAULT_RATE_LIMIT, ...rateLimit };
    try {
      limiter = new SlidingWindowLimiter({ limit, windowMs, marginMs });
    } catch (error) {
      throw new InvalidArgumentError('rateLimit', error instanceof Error ? error.message : String(error));
    }
  }
  return { accessCode, secretKey, signing, limiter };
}
