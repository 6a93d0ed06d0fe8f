import { AbortError } from '../errors.js';

export interface RateLimiter {
  /** Resolves when one more request may start; rejects with AbortError if the signal fires first. */
  acquire(signal?: AbortSignal): Promise<void>;
}

export interface SlidingWindowLimiterOptions {
  /** Requests allowed in any window of `windowMs`. */
  limit: number;
  windowMs: number;
  /**
   * Extra spacing added to the window. Requests arrive at the server a little after they leave us,
   * and jitter can bunch them up; a small margin keeps the server's own window under the limit too.
   */
  marginMs?: number;
  now?: () => number;
}

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

/**
 * A sliding-window log limiter: a request may start at `t` only if the request `limit` places
 * before it started at or before `t - windowMs`, so no window of `windowMs` ever holds more than `limit`.
 * Waiters are served first come, first served, which keeps one client's calls fair to each other.
 */
export class SlidingWindowLimiter implements RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  private readonly span: number;
  private readonly now: () => number;
  private readonly starts: number[] = [];
  private readonly queue: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: SlidingWindowLimiterOptions) {
    if (!Number.isInteger(options.limit) || options.limit < 1) {
      throw new RangeError(`rateLimit.limit must be a whole number ≥ 1, got ${options.limit}`);
    }
    if (!(options.windowMs > 0))
      throw new RangeError(`rateLimit.windowMs must be > 0, got ${options.windowMs}`);
    this.limit = options.limit;
    this.windowMs = options.windowMs;
    this.span = options.windowMs + (options.marginMs ?? 0);
    this.now = options.now ?? Date.now;
  }

  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(new AbortError({ cause: signal.reason }));
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal, onAbort: undefined };
      if (signal) {
        waiter.onAbort = () => {
          const index = this.queue.indexOf(waiter);
          if (index >= 0) this.queue.splice(index, 1);
          reject(new AbortError({ cause: signal.reason }));
          this.pump();
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.queue.push(waiter);
      this.pump();
    });
  }

  /** Starts recorded in the current window; for tests and metrics. */
  inFlightWindow(): number {
    const now = this.now();
    return this.starts.filter((t) => t > now - this.span).length;
  }

  private pump(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.queue.length > 0) {
      const now = this.now();
      const wait = this.waitMs(now);
      if (wait > 0) {
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.pump();
        }, wait);
        // Not unref'd: a waiter is a request the caller awaits, and a script whose only pending work is this wait
        // must not exit halfway (Node ends a process with nothing ref'd, code 13 under a top-level await). The
        // timer exists only while someone waits, and an aborted waiter leaves the queue, so nothing idles here.
        return;
      }
      const waiter = this.queue.shift()!;
      if (waiter.signal && waiter.onAbort) waiter.signal.removeEventListener('abort', waiter.onAbort);
      this.starts.push(now);
      if (this.starts.length > this.limit) this.starts.splice(0, this.starts.length - this.limit);
      waiter.resolve();
    }
  }

  private waitMs(now: number): number {
    if (this.starts.length < this.limit) return 0;
    const oldest = this.starts[this.starts.length - this.limit]!;
    return Math.max(0, oldest + this.span - now);
  }
}
