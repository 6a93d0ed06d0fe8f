/**
 * @module
 * The one real-time timer of an emulator: it sleeps until the earliest due task of any 'real'-mode tenant,
 * runs what is due, and re-arms. It is unref'd so it never keeps the process alive.
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
  #firing: Promise<void> | undefined;
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
      if (!this.#firing) this.#armNow();
    });
  }

  /** Resolves when a firing in progress has finished. */
  async idle(): Promise<void> {
    while (this.#firing) await this.#firing;
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
      if (t.clock.mode !== 'real') continue;
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
    const runs: Promise<void>[] = [];
    for (const t of this.#tenants()) {
      const at = t.scheduler.nextDueAt();
      if (t.clock.mode === 'real' && at !== undefined && at <= t.clock.now()) runs.push(t.scheduler.runDue());
    }
    this.#firing = Promise.allSettled(runs)
      .then(() => this.#afterRun())
      .catch(() => {})
      .finally(() => {
        this.#firing = undefined;
        this.#armNow();
      });
  }
}
