/**
 * @module
 * One account (tenant): its own credentials, provider state, clock, scheduler, journal, faults, rate limiter and
 * webhooks. Everything persistent lives in one plain-JSON {@link TenantData}; the classes here only interpret it.
 */
import { Chaos, type ChaosRuntime } from '../chaos/chaos.js';
import type { ChaosData } from '../chaos/state.js';
import { Clock } from '../clock/clock.js';
import { Scheduler, type Task } from '../clock/scheduler.js';
import { EmulatorError } from '../errors.js';
import { Faults } from '../faults/faults.js';
import { Journal, type JournalLimits } from '../journal/journal.js';
import { REDACTED } from '../journal/redact.js';
import { Random } from '../random/random.js';
import { RateLimiter } from '../ratelimit/limiter.js';
import { WEBHOOK_ATTEMPT_TASK, type WebhookDelivery } from '../webhooks/types.js';
import { Webhooks } from '../webhooks/webhooks.js';
import { cloneData } from './clone.js';
import { TENANT_DATA_VERSION, type TenantData, type TenantSnapshot } from './data.js';

/** What a tenant needs from the engine (supplied by createEmulator). */
export interface TenantRuntime<S, P> {
  realNow(): number;
  journal: JournalLimits;
  webhookOptions: {
    retryScheduleMs: readonly number[];
    timeoutMs: number;
    logSize: number;
    concurrency: number;
  };
  /** The emulator's `fetch` option; undefined when none was given. */
  fetch(): typeof fetch | undefined;
  /** Builds fresh data for `id` (initial provider state, clock, seeds). */
  fresh(identity: {
    id: string;
    key: string;
    secret: string;
    params: P | undefined;
    isDefault: boolean;
    /** Kept instead of a new account's (a reset): a new one costs a pass over every account for its ordinal. */
    chaos?: ChaosData;
  }): TenantData<S, P>;
  runTask(tenant: Tenant<S, P>, task: Task): Promise<void>;
  webhookHeaders(tenant: Tenant<S, P>, body: string, delivery: WebhookDelivery): Record<string, string>;
  /** Any persistent change (dirty flag for persistence, re-arm of the real-time timer). */
  changed(tenant: Tenant<S, P>): void;
  /** The provider's error codes, which error faults must name (undefined: any code). */
  errorCodes: ReadonlySet<string> | undefined;
  /** Throws INVALID_ARGUMENT naming the field when provider state read back from JSON has the wrong shape. */
  checkState(state: unknown): void;
  /** Data read back from JSON (state file, restore) made whole again by the provider. */
  revive(data: TenantData<S, P>): TenantData<S, P>;
  chaos: ChaosRuntime;
  /**
   * The chaos data an account starts with or is loaded with: a new account key when `current` has none (a state
   * file from before chaos), and the emulator's `chaos` option when it differs from the saved setting.
   */
  chaosFor(current: ChaosData | undefined, isDefault: boolean): ChaosData;
}

/**
 * @example
 * const t = emulator.account('default');
 * t.state.balance -= price;            // provider state: mutate freely, it is plain JSON
 * t.scheduler.after('allocate', 5_000, { orderNo });
 * await t.advance(5_000);
 */
export class Tenant<S, P = unknown> {
  readonly isDefault: boolean;
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  readonly journal: Journal;
  readonly faults: Faults;
  readonly rateLimit: RateLimiter;
  readonly webhooks: Webhooks;
  /** Seeded chaos: `set({ profile, seed })`, `get()`, `clear()`. */
  readonly chaos: Chaos;
  /** Seeded generator for provider data (ids, ICCIDs...). Its state is part of the tenant's data. */
  readonly random: Random;
  readonly #faultRandom: Random;
  readonly #rt: TenantRuntime<S, P>;
  #data: TenantData<S, P>;

  constructor(data: TenantData<S, P>, runtime: TenantRuntime<S, P>, isDefault: boolean) {
    data.chaos = runtime.chaosFor(data.chaos, isDefault);
    this.#data = data;
    this.#rt = runtime;
    this.isDefault = isDefault;
    this.random = new Random(data.random);
    this.#faultRandom = new Random(data.faultRandom);
    this.clock = new Clock(
      () => this.#data.clock,
      runtime.realNow,
      () => this.markChanged(),
    );
    this.journal = new Journal(runtime.journal);
    const changed = () => this.markChanged();
    const nextSeq = () => ++this.#data.seq;
    this.scheduler = new Scheduler({
      clock: this.clock,
      tasks: () => this.#data.tasks,
      nextSeq,
      run: (task) => runtime.runTask(this, task),
      changed,
      settle: () => this.webhooks.settle(),
    });
    this.faults = new Faults({
      rules: () => this.#data.faults,
      random: () => this.#faultRandom,
      nextSeq,
      changed,
      errorCodes: () => runtime.errorCodes,
    });
    this.rateLimit = new RateLimiter({
      config: () => this.#data.rateLimit,
      setConfig: (c) => {
        this.#data.rateLimit = c;
        changed();
      },
      realNow: runtime.realNow,
    });
    this.chaos = new Chaos({
      ...runtime.chaos,
      data: () => this.#chaosData(),
      changed,
    });
    this.webhooks = new Webhooks({
      data: () => this.#data.webhooks,
      clock: this.clock,
      scheduler: this.scheduler,
      faultRandom: () => this.#faultRandom,
      random: () => this.random,
      nextSeq,
      changed,
      headers: (body, delivery) => runtime.webhookHeaders(this, body, delivery),
      options: runtime.webhookOptions,
      fetch: runtime.fetch,
      realNow: runtime.realNow,
      chaos: this.chaos,
    });
    this.webhooks.recoverUnscheduled();
  }

  /** Always there: the constructor, reset, restore and reload fill it in. */
  #chaosData(): ChaosData {
    this.#data.chaos ??= this.#rt.chaosFor(undefined, this.isDefault);
    return this.#data.chaos;
  }

  /** The account id (equal to its key). */
  get id(): string {
    return this.#data.id;
  }

  get key(): string {
    return this.#data.key;
  }

  get secret(): string {
    return this.#data.secret;
  }

  get params(): P | undefined {
    return this.#data.params;
  }

  /** The provider's state: plain JSON, mutate it in place or replace it. */
  get state(): S {
    return this.#data.state;
  }

  set state(value: S) {
    this.#data.state = value;
    this.markChanged();
  }

  /** Tells the engine this tenant changed outside a write request (persisted before the response is sent). */
  markChanged(): void {
    this.#rt.changed(this);
  }

  /** Shorthand for `scheduler.advance(ms)`. */
  advance(ms: number): Promise<void> {
    return this.scheduler.advance(ms);
  }

  /** Shorthand for `scheduler.advanceTo(t)`; accepts ms, a Date or an ISO string. */
  advanceTo(t: number | Date | string): Promise<void> {
    return this.scheduler.advanceTo(toMs(t));
  }

  /**
   * Back to the initial state with the same credentials: fresh provider state, clock, tasks, faults, webhooks. The
   * chaos setting stays, its sequence numbers start again.
   */
  reset(): void {
    const { id, key, secret, params } = this.#data;
    const chaos = this.#chaosData();
    const fresh = { ...chaos, seqs: {}, injected: 0 };
    this.#load(this.#rt.fresh({ id, key, secret, params, isDefault: this.isDefault, chaos: fresh }));
    this.journal.clear();
  }

  /** A deep copy of everything that defines the account. `redactSecret` for anything shown to users. */
  snapshot(options?: { redactSecret?: boolean }): TenantSnapshot<S, P> {
    const copy = cloneData(this.#synced());
    if (options?.redactSecret) copy.secret = REDACTED;
    return copy;
  }

  /**
   * @internal The account's data itself, not a copy, for serialising on the spot (the state file is written from
   * it without a deep copy first). Read it at once and keep nothing: the next request changes it.
   */
  liveData(): Readonly<TenantData<S, P>> {
    return this.#synced();
  }

  /** The data with the generators' current states written into it. */
  #synced(): TenantData<S, P> {
    this.#data.random = this.random.state;
    this.#data.faultRandom = this.#faultRandom.state;
    return this.#data;
  }

  /** Replaces everything but the id and credentials (so a snapshot of one account can seed another). */
  restore(snapshot: TenantSnapshot<S, P>): void {
    if (snapshot === null || typeof snapshot !== 'object' || snapshot.version !== TENANT_DATA_VERSION) {
      throw new EmulatorError('INVALID_ARGUMENT', `snapshot.version: expected ${TENANT_DATA_VERSION}`, {
        field: 'snapshot.version',
      });
    }
    this.#rt.checkState(snapshot.state);
    const { id, key, secret } = this.#data;
    // The chaos account key is identity, like the credentials: a snapshot of another account must not take it.
    const own = this.#chaosData();
    const chaos = snapshot.chaos ? { ...cloneData(snapshot.chaos), account: own.account } : own;
    this.#load(this.#rt.revive({ ...cloneData(snapshot), id, key, secret, chaos }));
  }

  /** @internal a failed save put the account back to its last saved data (parsed from the saved bytes). */
  reload(data: TenantData<S, P>): void {
    this.#load(this.#rt.revive(data));
  }

  /** @internal credentials change when a state file is loaded with different credentials in the options. */
  setCredentials(secret: string): void {
    this.#data.secret = secret;
    this.markChanged();
  }

  #load(data: TenantData<S, P>): void {
    this.#data = data;
    this.random.state = data.random;
    this.#faultRandom.state = data.faultRandom;
    this.scheduler.reload();
    this.webhooks.recoverUnscheduled();
    this.rateLimit.resetWindow();
    this.markChanged();
  }

  /** @internal task dispatch for the engine's own task kinds. */
  runEngineTask(task: Task): Promise<void> | undefined {
    if (task.kind === WEBHOOK_ATTEMPT_TASK) {
      this.webhooks.runAttemptTask(task.data as { deliveryId: string });
      return Promise.resolve();
    }
    return undefined;
  }
}

export function toMs(t: number | Date | string): number {
  if (typeof t === 'number') return t;
  const ms = (t instanceof Date ? t : new Date(t)).getTime();
  if (Number.isNaN(ms))
    throw new EmulatorError('INVALID_ARGUMENT', `to: not a valid time: ${String(t)}`, { field: 'to' });
  return ms;
}
