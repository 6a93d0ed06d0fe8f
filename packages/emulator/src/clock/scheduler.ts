/**
 * @module
 * Per-tenant scheduler. Tasks are plain data `{id, at, kind, data}` stored in the tenant's state, so
 * snapshot/restore and persistence carry pending work; handlers are looked up by `kind` when a task fires.
 */
import type { Clock } from './clock.js';
import { heapify, heapPop, heapPush, heapRemoveAt, isHeap } from './heap.js';

export interface Task<D = unknown> {
  id: string;
  /** Virtual due time, ms since epoch. */
  at: number;
  kind: string;
  data: D;
  /** Tie-breaker: tasks due at the same time run in scheduling order. */
  seq: number;
}

export interface SchedulerHost {
  readonly clock: Clock;
  tasks(): Task[];
  nextSeq(): number;
  /** Runs one task (handler lookup, error logging); the scheduler awaits it. */
  run(task: Task): Promise<void>;
  /** Called after the task list or the clock changed (persistence, re-arming the real-time timer). */
  changed(): void;
  /**
   * Waits (bounded) for work tasks started without awaiting it (webhook attempts in flight); true when all of it
   * finished, so tasks it scheduled in the window are looked for again. Only `advance` calls it.
   */
  settle?(): Promise<boolean>;
}

/**
 * @example
 * tenant.scheduler.after('allocate', 5_000, { orderNo });   // 5 virtual seconds from now
 * await tenant.scheduler.advance(5_000);                    // fires it (and anything it schedules in the window)
 */
export class Scheduler {
  readonly #host: SchedulerHost;
  #queue: Promise<void> = Promise.resolve();

  /** The task array last checked to be a heap (a restore or reset brings a new one). */
  #checked: Task[] | undefined;

  constructor(host: SchedulerHost) {
    this.#host = host;
  }

  /** The pending tasks as a heap (earliest at [0]); an array from a snapshot or a state file is checked once. */
  #tasks(): Task[] {
    const tasks = this.#host.tasks();
    if (tasks !== this.#checked) {
      if (!isHeap(tasks, compareTasks)) heapify(tasks, compareTasks);
      this.#checked = tasks;
    }
    return tasks;
  }

  /**
   * @internal The tenant's data was replaced (restore, reset, a state file): checks the new task list now, which also
   * lets the old one go (until the next access it stayed reachable here, a whole account's tasks).
   */
  reload(): void {
    this.#tasks();
  }

  /** Schedules `kind` at virtual time `at` (a past time fires at the next run). */
  at<D>(kind: string, at: number, data: D): Task<D> {
    const seq = this.#host.nextSeq();
    const task: Task<D> = { id: `task_${seq}`, at: Math.floor(at), kind, data, seq };
    heapPush(this.#tasks(), task, compareTasks);
    this.#host.changed();
    return task;
  }

  /** Schedules `kind` `delayMs` virtual ms from now. */
  after<D>(kind: string, delayMs: number, data: D): Task<D> {
    return this.at(kind, this.#host.clock.now() + Math.max(0, delayMs), data);
  }

  /** Removes a pending task; false when it is not pending. */
  cancel(id: string): boolean {
    const tasks = this.#tasks();
    const i = tasks.findIndex((t) => t.id === id);
    if (i < 0) return false;
    heapRemoveAt(tasks, i, compareTasks);
    this.#host.changed();
    return true;
  }

  /** Pending tasks, earliest first (a copy). */
  list(): Task[] {
    return this.#tasks()
      .map((t) => ({ ...t }))
      .sort(compareTasks);
  }

  nextDueAt(): number | undefined {
    return this.#tasks()[0]?.at;
  }

  /**
   * Moves the clock forward by `ms`, firing every task due in the window in time order; resolves when all are done,
   * including the webhook attempts they sent (waited for at most the attempt timeout each time nothing else is due).
   */
  advance(ms: number): Promise<void> {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advance(ms) needs a finite ms >= 0');
    return this.#exclusive(() => this.#runUntil(this.#host.clock.now() + ms, true));
  }

  /** Like {@link advance} to an absolute virtual time (a time in the past only fires what is due). */
  advanceTo(t: number): Promise<void> {
    if (!Number.isFinite(t)) throw new RangeError('advanceTo(t) needs a finite time');
    return this.#exclusive(() => this.#runUntil(t, true));
  }

  /** Fires what is due at the current time without moving the clock (used by the real-time timer). */
  runDue(): Promise<void> {
    return this.#exclusive(() => this.#runUntil(this.#host.clock.now(), false));
  }

  /** Resolves when every run queued so far has finished. */
  idle(): Promise<void> {
    return this.#exclusive(async () => {});
  }

  #exclusive(fn: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(fn);
    this.#queue = run.catch(() => {});
    return run;
  }

  async #runUntil(target: number, moveClock: boolean): Promise<void> {
    const clock = this.#host.clock;
    try {
      for (;;) {
        const tasks = this.#tasks();
        const next = tasks[0];
        if (!next || next.at > target) {
          // Nothing else due: before the clock reaches the target, wait for attempts in flight, whose retries
          // may fall inside the window. Tasks never wait on them, only the end of an advance does.
          if (moveClock && (await this.#host.settle?.())) continue;
          break;
        }
        heapPop(tasks, compareTasks);
        if (moveClock) clock.moveTo(next.at);
        clock.pin(Math.max(next.at, clock.now()));
        try {
          await this.#host.run(next);
        } finally {
          clock.pin(null);
        }
        this.#host.changed();
      }
    } finally {
      if (moveClock) clock.moveTo(target);
      this.#host.changed();
    }
  }
}

function compareTasks(a: Task, b: Task): number {
  return a.at - b.at || a.seq - b.seq;
}
