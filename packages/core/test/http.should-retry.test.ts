import { describe, expect, it } from 'vitest';
import { type AttemptOutcome, type RetryPolicy, shouldRetry } from '../src/http/retry.js';

const policy: RetryPolicy = { maxRetries: 2, baseDelayMs: 500, maxDelayMs: 8_000 };
const half = () => 0.5;
const network: AttemptOutcome = { kind: 'network' };
const aborted: AttemptOutcome = { kind: 'aborted' };
const transient = (retryAfterMs?: number): AttemptOutcome => ({
  kind: 'answer',
  transient: true,
  retryAfterMs,
});
const final: AttemptOutcome = { kind: 'answer', transient: false, retryAfterMs: undefined };

// Backoff with random 0.5: exp/2 + exp/4, exp = 500 * 2^(attempt-1) capped at 8000.
const rows: [string, number, boolean, AttemptOutcome, { retry: boolean; delayMs: number }][] = [
  [
    'a network failure on a safe request is retried after the backoff',
    1,
    true,
    network,
    { retry: true, delayMs: 375 },
  ],
  ['the backoff doubles on the second attempt', 2, true, network, { retry: true, delayMs: 750 }],
  ['a safe request stops after maxRetries + 1 attempts', 3, true, network, { retry: false, delayMs: 0 }],
  [
    'an unsafe request is never sent twice after a network failure',
    1,
    false,
    network,
    { retry: false, delayMs: 0 },
  ],
  [
    'an unsafe request is never sent twice after a transient answer',
    1,
    false,
    transient(),
    { retry: false, delayMs: 0 },
  ],
  [
    'an aborted call is never retried, even when attempts are left',
    1,
    true,
    aborted,
    { retry: false, delayMs: 0 },
  ],
  ['a transient answer is retried after the backoff', 1, true, transient(), { retry: true, delayMs: 375 }],
  [
    "a transient answer's Retry-After wins over the backoff",
    1,
    true,
    transient(2_000),
    { retry: true, delayMs: 2_000 },
  ],
  ['a Retry-After of zero means retry at once', 2, true, transient(0), { retry: true, delayMs: 0 }],
  [
    'a transient answer on the last attempt is returned',
    3,
    true,
    transient(2_000),
    { retry: false, delayMs: 0 },
  ],
  [
    'a final answer (success or a non-retryable error) is returned',
    1,
    true,
    final,
    { retry: false, delayMs: 0 },
  ],
];

describe('shouldRetry', () => {
  it.each(rows)('%s', (_name, attempt, retrySafe, outcome, expected) => {
    expect(shouldRetry({ attempt, retrySafe, policy, outcome, random: half })).toEqual(expected);
  });

  it('caps the backoff at maxDelayMs', () => {
    const many = { ...policy, maxRetries: 10 };
    expect(
      shouldRetry({ attempt: 9, retrySafe: true, policy: many, outcome: network, random: () => 1 }),
    ).toEqual({
      retry: true,
      delayMs: 8_000,
    });
  });

  it('gives a policy with maxRetries 0 exactly one attempt', () => {
    const never = { ...policy, maxRetries: 0 };
    expect(
      shouldRetry({ attempt: 1, retrySafe: true, policy: never, outcome: network, random: half }),
    ).toEqual({
      retry: false,
      delayMs: 0,
    });
  });
});
