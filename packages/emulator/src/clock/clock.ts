/**
 * @module
 * A tenant's virtual clock. Its persistent part is plain data ({@link ClockData}) kept in the tenant's state;
 * this class only interprets it.
 */

export type ClockMode = 'real' | 'manual';

/**
 * `real`: now = realNow() + offsetMs (time flows; `advance` adds to the offset).
 * `manual`: now = nowMs (time stands still until advanced).
 */
export interface ClockData {
  mode: ClockMode;
  offsetMs: number;
  nowMs: number;
}

export function initialClockData(mode: ClockMode, startTime: number | undefined, realNow: number): ClockData {
  const start = startTime ?? realNow;
  return mode === 'real'
    ? { mode, offsetMs: start - realNow, nowMs: start }
    : { mode, offsetMs: 0, nowMs: start };
}

/**
 * @example
 * tenant.clock.now();          // virtual ms since epoch
 * tenant.clock.date();         // as a Date
 * tenant.clock.setMode('manual');
 */
export class Clock {
  readonly #read: () => ClockData;
  readonly #realNow: () => number;
  readonly #changed: () => void;
  /** While a task runs, now() is pinned to the task's due time so handlers compute from it deterministically. */
  #pinned: number | null = null;

  constructor(read: () => ClockData, realNow: () => number, changed: () => void = () => {}) {
    this.#read = read;
    this.#realNow = realNow;
    this.#changed = changed;
  }

  get mode(): ClockMode {
    return this.#read().mode;
  }

  /** Current virtual time in ms since the epoch. */
  now(): number {
    if (this.#pinned !== null) return this.#pinned;
    const d = this.#read();
    return d.mode === 'real' ? this.#realNow() + d.offsetMs : d.nowMs;
  }

  date(): Date {
    return new Date(this.now());
  }

  /** Switches mode; the current virtual time is kept. */
  setMode(mode: ClockMode): void {
    const now = this.now();
    const d = this.#read();
    d.mode = mode;
    this.#set(d, now);
    // A tenant switched to 'real' may have overdue tasks: the engine re-arms its timer on this.
    this.#changed();
  }

  /** Moves the clock to `t` (never backwards). @internal used by the scheduler. */
  moveTo(t: number): void {
    if (t > this.now()) this.#set(this.#read(), t);
  }

  /** @internal */
  pin(t: number | null): void {
    this.#pinned = t;
  }

  #set(d: ClockData, t: number): void {
    if (d.mode === 'real') d.offsetMs = t - this.#realNow();
    d.nowMs = t;
  }
}
