/**
 * @module
 * Control helpers every provider shares: answering an operation's result on a `/_sandbox` route (the refusal's
 * status from the engine's one status table, by the kind the provider's error table gives it), documenting those
 * refusals from the same table, and the shape of the in-process control handle (same names, same errors thrown).
 */
import type { Context } from 'hono';
import { CONTROL_ERROR_STATUS, type ControlErrorKind, controlRefusal } from '../control/http.js';
import { answer } from '../http/answer.js';
import type { Tenant } from '../tenants/tenant.js';
import type { WebhookDelivery } from '../webhooks/types.js';
import type { OpResult } from './op.js';

/** A provider refusal as control routes and handles report it: the provider's own code and message. */
export interface Refusal {
  readonly code: string;
  readonly message: string;
}

/** Which control kind (so which status) a provider code is: derived from the provider's error table. */
export type RefusalKind = (code: string) => ControlErrorKind;

/** A control route's answer: the value as JSON, or `{ error: { code, message } }` with its kind's status. */
export function controlResult<T>(c: Context, result: OpResult<T, Refusal>, kindOf: RefusalKind): Response {
  if (result.ok) return answer(c, 200, result.obj as object);
  const { code, message } = result.error;
  return controlRefusal(c, kindOf(code), { code, message });
}

/** The control document's row for a refusal of `kind`, its status from the same table the answers use. */
export function refusalDoc(
  kind: ControlErrorKind,
  description: string,
): { status: number; description: string } {
  return { status: CONTROL_ERROR_STATUS[kind], description };
}

/** In-process handles throw where routes answer: the value (a copy the caller may keep), else `toError(refusal)`. */
export function unwrap<T, E>(result: OpResult<T, E>, toError: (error: E) => Error): T {
  if (!result.ok) throw toError(result.error);
  return structuredClone(result.obj);
}

/** What every provider's per-account control handle has; providers add their own verbs. */
export interface AccountControl<S, P = unknown> {
  /** The engine's tenant: clock, scheduler, faults, journal, reset, snapshot. */
  readonly tenant: Tenant<S, P>;
  /** A deep copy of the account's provider state. */
  state(): S;
  /** Moves this account's virtual clock, running what falls due on the way (tasks, webhook deliveries). */
  advance(ms: number): Promise<void>;
  webhookDeliveries(filter?: { type?: string }): WebhookDelivery[];
}

export function accountControl<S, P>(tenant: Tenant<S, P>): AccountControl<S, P> {
  return {
    tenant,
    state: () => structuredClone(tenant.state),
    advance: (ms) => tenant.advance(ms),
    webhookDeliveries: (filter) => tenant.webhooks.deliveries(filter),
  };
}
