/**
 * @module
 * The one real-time timer of an emulator: it sleeps until the earliest due task of any 'real'-mode tenant that
 * is not already running, runs what is due for each tenant on its own, and re-arms. It is unref'd so it never keeps the process alive.
 */
import type { Clock } from '../clock/clock.js';
import type { Scheduler } from '../clock/scheduler.js';

interface Timed {
  readonly clock: Clock;
  readonly scheduler: Scheduler;
}

const MAX_DELAY = 2 ** 31 - 1;

export class RealTimeTimer {
  readonly #tenants: () => Iterable<Timed>;
  readonly #afterRun: () => Promise<void>;
  #handle: NodeJS.Timeout | undefined;
  #armQueued = false;
  /**
   * Tenants whose due tasks are running. Each tenant runs on its own: one whose tasks wait on a slow webhook
   * receiver must not hold back another tenant's allocations, expiries or webhooks.
   */
  readonly #running = new Map<Timed, Promise<void>>();
  #stopped = false;

  constructor(tenants: () => Iterable<Timed>, afterRun: () => Promise<void>) {
    this.#tenants = tenants;
    this.#afterRun = afterRun;
  }

  /** Recomputes the next wake-up (coalesced to one recomputation per microtask). */
  arm(): void {
    if (this.#armQueued || this.#stopped) return;
    this.#armQueued = true;
    queueMicrotask(() => {
      this.#armQueued = false;
      this.#armNow();
    });
  }

  /** Resolves when the firings in progress have finished. */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.all(this.#running.values());
  }

  stop(): void {
    this.#stopped = true;
    if (this.#handle) clearTimeout(this.#handle);
    this.#handle = undefined;
  }

  #armNow(): void {
    if (this.#handle) clearTimeout(this.#handle);
    this.#handle = undefined;
    if (this.#stopped) return;
    let delay: number | undefined;
    for (const t of this.#tenants()) {
      if (t.clock.mode !== 'real' || this.#running.has(t)) continue;
      const at = t.scheduler.nextDueAt();
      if (at === undefined) continue;
      const d = Math.max(0, at - t.clock.now());
      if (delay === undefined || d < delay) delay = d;
    }
    if (delay === undefined) return;
    this.#handle = setTimeout(() => this.#fire(), Math.min(delay, MAX_DELAY));
    this.#handle.unref();
  }

  #fire(): void {
    this.#handle = undefined;
    for (const t of this.#tenants()) {
      if (this.#running.has(t)) continue;
      const at = t.scheduler.nextDueAt();
      if (t.clock.mode !== 'real' || at === undefined || at > t.clock.now()) continue;
      const run = t.scheduler
        .runDue()
        .then(() => this.#afterRun())
        .catch(() => {})
        .finally(() => {
          this.#running.delete(t);
          this.arm();
        });
      this.#running.set(t, run);
    }
    this.#armNow();
  }
}
