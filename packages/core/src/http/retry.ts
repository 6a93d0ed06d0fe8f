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

/** What the last attempt ended in, as far as retrying is concerned. */
export type AttemptOutcome =
  /** The caller's AbortSignal fired: never retried. */
  | { kind: 'aborted' }
  /** No answer: connection failure or per-attempt timeout. */
  | { kind: 'network' }
  /** An answer; `transient` is the provider classifier's verdict (HTTP 429/5xx, retryable envelope codes). */
  | { kind: 'answer'; transient: boolean; retryAfterMs: number | undefined };

export interface RetryInput {
  /** 1 for the first attempt. */
  attempt: number;
  /** Sending twice cannot do anything twice (reads, or writes the provider deduplicates). */
  retrySafe: boolean;
  policy: RetryPolicy;
  outcome: AttemptOutcome;
  random: () => number;
}

export interface RetryDecision {
  retry: boolean;
  /** Wait before the next attempt; 0 when not retrying. */
  delayMs: number;
}

/**
 * Every retry rule in one pure function (stripe-node's `_shouldRetry`): unsafe requests get one attempt, an
 * aborted call is never retried, a network failure or a transient answer is retried until the policy's
 * attempts run out, after the server's `Retry-After` when it sent one, else after the backoff.
 */
export function shouldRetry({ attempt, retrySafe, policy, outcome, random }: RetryInput): RetryDecision {
  const attemptsLeft = attempt < (retrySafe ? policy.maxRetries + 1 : 1);
  if (outcome.kind === 'aborted' || !attemptsLeft) return { retry: false, delayMs: 0 };
  if (outcome.kind === 'answer' && !outcome.transient) return { retry: false, delayMs: 0 };
  const hinted = outcome.kind === 'answer' ? outcome.retryAfterMs : undefined;
  return { retry: true, delayMs: hinted ?? backoffMs(attempt, policy, random) };
}
