/**
 * @module
 * An account's webhook attempts in flight: at most `limit` at once, and one at a time per lane (a lane is an event's
 * `orderKey`, so a lane's events reach the receiver in the order they were handed over while lanes interleave).
 * The scheduler hands attempts over and goes on with its next task instead of awaiting the receiver.
 *
 * A counter of slots, a FIFO of lanes ready to start their next job and a FIFO of jobs per lane; a finishing job
 * starts the next one itself. Nothing is re-awaited or re-raced per job: the previous version raced every job in
 * flight on each wake, and with 10,000 events handed over at once those promise reactions made a fan-out quadratic.
 */
import { EmulatorError } from '../errors.js';

type Job = () => Promise<unknown>;

/** A queue with O(1) shift (an array's `shift()` copies it once it is large). */
class Fifo<T> {
  #items: (T | undefined)[] = [];
  #head = 0;

  get length(): number {
    return this.#items.length - this.#head;
  }

  push(item: T): void {
    this.#items.push(item);
  }

  shift(): T | undefined {
    if (this.#head === this.#items.length) return undefined;
    const item = this.#items[this.#head];
    this.#items[this.#head++] = undefined;
    if (this.#head === this.#items.length) {
      this.#items.length = 0;
      this.#head = 0;
    } else if (this.#head >= 1024 && this.#head * 2 >= this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return item;
  }
}

export class DeliveryPool {
  readonly #limit: number;
  #active = 0;
  #size = 0;
  /** Jobs finished so far (a stalled `settle` is one that saw no change for a whole window). */
  #finished = 0;
  /** Per busy lane (one of its jobs waits for a slot or runs), its jobs not started yet, in hand-over order. */
  readonly #lanes = new Map<string, Fifo<Job>>();
  /** Lanes whose next job may start once a slot is free, first come first served. */
  readonly #ready = new Fifo<string>();
  /** Called after every finished job (settle and idle waiting). */
  readonly #waiters = new Set<() => void>();

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Jobs handed over and not finished (running or waiting). */
  get size(): number {
    return this.#size;
  }

  /** Runs `job` once the previous job of `lane` has finished and a slot is free. Never throws. */
  run(lane: string, job: Job): void {
    this.#size++;
    const queued = this.#lanes.get(lane);
    if (queued) {
      queued.push(job);
      return;
    }
    const jobs = new Fifo<Job>();
    jobs.push(job);
    this.#lanes.set(lane, jobs);
    this.#ready.push(lane);
    this.#pump();
  }

  /**
   * Waits until nothing is in flight, giving up once `stallMs` real ms pass with no job finishing. True when it
   * waited for something and all of it finished (so the caller looks again for work those jobs scheduled).
   */
  settle(stallMs: number): Promise<boolean> {
    if (this.#size === 0) return Promise.resolve(false);
    return new Promise((resolve) => {
      let seen = this.#finished;
      // Re-armed for a whole window when a job finished since it was armed (so it gives up after stallMs to
      // 2 x stallMs without one), not `refresh()`ed per job: Node still fires a timer refreshed while its own timer
      // list runs. Re-armed after the jobs that finish started theirs, it also falls due after their timeouts.
      const check = () => {
        if (this.#finished !== seen) {
          seen = this.#finished;
          stalled = setTimeout(check, stallMs);
          stalled.unref();
          return;
        }
        this.#waiters.delete(wake);
        resolve(false);
      };
      let stalled = setTimeout(check, stallMs);
      stalled.unref();
      const wake = () => {
        if (this.#size > 0) return;
        clearTimeout(stalled);
        this.#waiters.delete(wake);
        resolve(true);
      };
      this.#waiters.add(wake);
    });
  }

  /** Resolves when nothing is in flight (no bound: each attempt is bounded by its own timeout). */
  idle(): Promise<void> {
    if (this.#size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        if (this.#size > 0) return;
        this.#waiters.delete(wake);
        resolve();
      };
      this.#waiters.add(wake);
    });
  }

  /** Starts ready lanes' next jobs while slots are free. */
  #pump(): void {
    while (this.#active < this.#limit) {
      const lane = this.#ready.shift();
      if (lane === undefined) return;
      const job = this.#lanes.get(lane)?.shift();
      if (!job) continue;
      this.#active++;
      try {
        // Not one named closure: tsx's keepNames would wrap it in a helper call per job.
        job().then(
          () => this.#finish(lane),
          () => this.#finish(lane),
        );
      } catch {
        // A job records its own outcome; a throw must not block the lane or leak the slot.
        queueMicrotask(() => this.#finish(lane));
      }
    }
  }

  #finish(lane: string): void {
    this.#active--;
    this.#size--;
    this.#finished++;
    const rest = this.#lanes.get(lane);
    if (rest && rest.length > 0) this.#ready.push(lane);
    else this.#lanes.delete(lane);
    this.#pump();
    for (const wake of this.#waiters) wake();
  }
}

/**
 * Providers deliver different orders' events concurrently. A fan-out to a fast loopback receiver gains nothing past
 * 2-4 on two cores (the sender's CPU bounds it); one to a receiver that waits on I/O gains in proportion, and the
 * bound on an advance whose attempts all time out, ceil(n / concurrency) x timeout, halves.
 */
export const DEFAULT_WEBHOOK_CONCURRENCY = 8;

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
