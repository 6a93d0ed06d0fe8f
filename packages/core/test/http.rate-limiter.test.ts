import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AbortError } from '../src/errors.js';
import { SlidingWindowLimiter } from '../src/http/rate-limiter.js';

/** Largest number of starts inside any half-open window [t, t + windowMs). */
function maxInAnyWindow(starts: number[], windowMs: number): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let max = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while (sorted[hi]! - sorted[lo]! >= windowMs) lo++;
    max = Math.max(max, hi - lo + 1);
  }
  return max;
}

describe('SlidingWindowLimiter', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('never lets any 1-second window hold more than the limit under 200 concurrent calls', async () => {
    const limiter = new SlidingWindowLimiter({ limit: 8, windowMs: 1000 });
    const starts: number[] = [];
    const calls = Array.from({ length: 200 }, () => limiter.acquire().then(() => starts.push(Date.now())));
    await vi.runAllTimersAsync();
    await Promise.all(calls);
    expect(starts).toHaveLength(200);
    expect(maxInAnyWindow(starts, 1000)).toBe(8);
    // 200 calls at 8 per second need at least 24 full windows after the first burst.
    expect(starts.at(-1)! - starts[0]!).toBeGreaterThanOrEqual(24_000);
  });

  it('serves waiters in arrival order', async () => {
    const limiter = new SlidingWindowLimiter({ limit: 2, windowMs: 100 });
    const order: number[] = [];
    const calls = [0, 1, 2, 3, 4].map((i) => limiter.acquire().then(() => order.push(i)));
    await vi.runAllTimersAsync();
    await Promise.all(calls);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('lets a burst up to the limit through at once', async () => {
    const limiter = new SlidingWindowLimiter({ limit: 8, windowMs: 1000 });
    let started = 0;
    for (let i = 0; i < 10; i++) void limiter.acquire().then(() => started++);
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toBe(8);
    await vi.advanceTimersByTimeAsync(1000);
    expect(started).toBe(10);
  });

  it('adds the margin to the window', async () => {
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 100, marginMs: 50 });
    await limiter.acquire();
    let second = false;
    void limiter.acquire().then(() => {
      second = true;
    });
    await vi.advanceTimersByTimeAsync(120);
    expect(second).toBe(false);
    await vi.advanceTimersByTimeAsync(30);
    expect(second).toBe(true);
  });

  it('rejects an aborted waiter with AbortError and keeps serving the others', async () => {
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 1000 });
    await limiter.acquire();
    const controller = new AbortController();
    const aborted = limiter.acquire(controller.signal);
    const next = limiter.acquire();
    controller.abort();
    await expect(aborted).rejects.toBeInstanceOf(AbortError);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(next).resolves.toBeUndefined();
  });

  it.each([
    [{ limit: 0, windowMs: 1000 }, /limit/],
    [{ limit: 1.5, windowMs: 1000 }, /limit/],
    [{ limit: 8, windowMs: 0 }, /windowMs/],
  ])('refuses the invalid option %o', (options, message) => {
    expect(() => new SlidingWindowLimiter(options)).toThrow(message);
  });
});
