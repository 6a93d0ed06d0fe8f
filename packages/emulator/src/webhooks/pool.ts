/**
 * @module
 * An account's webhook attempts in flight: at most `limit` at once, and one at a time per lane (a lane is a profile,
 * so a profile's events reach the receiver in the order they were sent while different profiles interleave). The
 * scheduler hands attempts over and goes on with its next task instead of awaiting the receiver.
 */
import { EmulatorError } from '../errors.js';

export class DeliveryPool {
  readonly #limit: number;
  #active = 0;
  /** Jobs waiting for a slot, first come first served. */
  readonly #waiting: (() => void)[] = [];
  /** The last job of each lane (the next one of that lane starts after it). */
  readonly #lanes = new Map<string, Promise<void>>();
  readonly #inFlight = new Set<Promise<void>>();

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Jobs handed over and not finished (running or waiting). */
  get size(): number {
    return this.#inFlight.size;
  }

  /** Runs `job` once the previous job of `lane` has finished and a slot is free. Never rejects. */
  run(lane: string, job: () => Promise<unknown>): void {
    const previous = this.#lanes.get(lane);
    const run = (async () => {
      if (previous) await previous;
      await this.#acquire();
      try {
        await job();
      } catch {
        // A job records its own outcome; a throw must not block the lane or leak the slot.
      } finally {
        this.#release();
      }
    })();
    this.#lanes.set(lane, run);
    this.#inFlight.add(run);
    void run.then(() => {
      this.#inFlight.delete(run);
      if (this.#lanes.get(lane) === run) this.#lanes.delete(lane);
    });
  }

  /**
   * Waits until nothing is in flight, giving up once `stallMs` real ms pass with no job finishing. True when it
   * waited for something and all of it finished (so the caller looks again for work those jobs scheduled).
   */
  async settle(stallMs: number): Promise<boolean> {
    if (this.#inFlight.size === 0) return false;
    while (this.#inFlight.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      const stalled = new Promise<'stalled'>((resolve) => {
        timer = setTimeout(() => resolve('stalled'), stallMs);
        timer.unref();
      });
      const outcome = await Promise.race([...this.#inFlight, stalled]);
      clearTimeout(timer);
      if (outcome === 'stalled') return false;
    }
    return true;
  }

  /** Resolves when nothing is in flight (no bound: each attempt is bounded by its own timeout). */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all(this.#inFlight);
  }

  #acquire(): Promise<void> | undefined {
    if (this.#active < this.#limit) {
      this.#active++;
      return undefined;
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  /** Hands the slot to the next waiting job, or frees it. */
  #release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#active--;
  }
}

export const DEFAULT_WEBHOOK_CONCURRENCY = 4;

/** The `webhookConcurrency` option, checked: a whole number of at least 1. */
export function webhookConcurrency(value: number | undefined): number {
  if (value === undefined) return DEFAULT_WEBHOOK_CONCURRENCY;
  if (!Number.isInteger(value) || value < 1) {
    throw new EmulatorError('INVALID_ARGUMENT', 'webhookConcurrency: expected a whole number >= 1', {
      field: 'webhookConcurrency',
    });
  }
  return value;
}
