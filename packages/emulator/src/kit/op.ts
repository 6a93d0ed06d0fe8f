/**
 * @module
 * The operation shape every provider's domain logic follows. An operation is a synchronous function of one context
 * (the account's state, the time, the seeded generator, an effects collector, plus whatever the provider adds):
 * it checks everything first and only then mutates, so a refusal leaves the state untouched and nothing can
 * interleave between a check and its write. It returns its result; what must happen outside the state (tasks to
 * schedule, webhooks to send) goes into `ctx.effects`, which {@link runOp} hands to the engine.
 */
import type { Random } from '../random/random.js';

/** A task for the account's scheduler, due at virtual time `at`. */
export interface TaskRequest<K extends string = string, D = unknown> {
  readonly kind: K;
  readonly at: number;
  readonly data: D;
}

/** What an operation asks of the world besides its state; `W` is the provider's webhook payload. */
export interface Effects<W, T extends TaskRequest = TaskRequest> {
  webhooks: W[];
  tasks: T[];
}

export function emptyEffects<W, T extends TaskRequest = TaskRequest>(): Effects<W, T> {
  return { webhooks: [], tasks: [] };
}

/** The context every operation gets; providers extend it (catalogue, behaviour switches, links...). */
export interface OpContext<S, W, T extends TaskRequest = TaskRequest> {
  readonly state: S;
  /** Virtual time of the request or task, ms. */
  readonly now: number;
  /** The account's seeded generator: every generated id comes from it. */
  readonly rng: Random;
  readonly effects: Effects<W, T>;
  /**
   * A provider stream's duration under seeded chaos: `baseMs`, or more when the profile slows the stream down
   * (each call is the stream's next draw). Fill it with `tenant.chaos.delay`.
   */
  readonly chaosDelay?: (stream: 'allocation', baseMs: number) => number;
}

/** An operation's answer: its value, or the provider's refusal `E` (e.g. `{ code, message }`). */
export type OpResult<T, E> =
  | { readonly ok: true; readonly obj: T }
  | { readonly ok: false; readonly error: E };

export type Operation<C, T, E> = (ctx: C) => OpResult<T, E>;

export function ok<T>(obj: T): { readonly ok: true; readonly obj: T } {
  return { ok: true, obj };
}

export function refuse<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}
