/** How a client retries a request that is safe to send again. */
export interface RetryPolicy {
  /** Retries after the first attempt (0 = never retry). */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxRetries: 2, baseDelayMs: 500, maxDelayMs: 8_000 };

export function resolveRetryPolicy(option: Partial<RetryPolicy> | false | undefined): RetryPolicy {
  if (option === false) return { ...defaultRetryPolicy, maxRetries: 0 };
  const policy = { ...defaultRetryPolicy, ...option };
  if (!Number.isInteger(policy.maxRetries) || policy.maxRetries < 0) {
    throw new RangeError(`retry.maxRetries must be a whole number ≥ 0, got ${policy.maxRetries}`);
  }
  return policy;
}

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries from many
 * clients spread out while each still waits long enough for a busy provider to recover.
 * `attempt` is 1 for the first retry.
 */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + (exp / 2) * random());
}

/** Honours a server's `Retry-After` (seconds or HTTP date), capped so a bad header cannot stall us. */
export function retryAfterMs(
  headers: Headers,
  policy: RetryPolicy,
  now: number = Date.now(),
): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
  if (!Number.isFinite(ms) || ms < 0) return undefined;
  return Math.min(ms, policy.maxDelayMs);
}
