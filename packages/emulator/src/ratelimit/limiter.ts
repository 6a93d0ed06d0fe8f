/**
 * @module
 * Per-tenant sliding-window rate limit. It runs on REAL time, not the virtual clock: a rate limit is about how
 * fast a client really sends, and a manual clock standing still would otherwise count every request as "at once".
 * The config is tenant state (persisted); the window's timestamps are not.
 */

export interface RateLimitConfig {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

export interface RateLimitHost {
  config(): RateLimitConfig | null;
  setConfig(config: RateLimitConfig | null): void;
  realNow(): number;
}

/**
 * @example
 * tenant.rateLimit.set({ limit: 8, windowMs: 1000 });
 * tenant.rateLimit.set(null);   // off
 */
export class RateLimiter {
  readonly #host: RateLimitHost;
  #stamps: number[] = [];

  constructor(host: RateLimitHost) {
    this.#host = host;
  }

  get config(): RateLimitConfig | null {
    const c = this.#host.config();
    return c ? { ...c } : null;
  }

  set(config: RateLimitConfig | null): void {
    this.#host.setConfig(config ? { limit: config.limit, windowMs: config.windowMs } : null);
    this.#stamps = [];
  }

  /** @internal takes a slot; false when the window is full (the request is then not counted). */
  tryAcquire(): boolean {
    const config = this.#host.config();
    if (!config) return true;
    const now = this.#host.realNow();
    const from = now - config.windowMs;
    let drop = 0;
    while (drop < this.#stamps.length && (this.#stamps[drop] ?? 0) <= from) drop++;
    if (drop) this.#stamps.splice(0, drop);
    if (this.#stamps.length >= config.limit) return false;
    this.#stamps.push(now);
    return true;
  }

  /** Real ms until a slot frees up (0 when one is free). Useful for a Retry-After header. */
  retryAfterMs(): number {
    const config = this.#host.config();
    if (!config || this.#stamps.length < config.limit) return 0;
    return Math.max(0, (this.#stamps[0] ?? 0) + config.windowMs - this.#host.realNow());
  }

  /** @internal */
  resetWindow(): void {
    this.#stamps = [];
  }
}
