/**
 * @module
 * The one bridge from an operation to the engine: run it against a tenant, then dispatch its effects (tasks to
 * the tenant's scheduler, webhooks to the engine's delivery) and, when asked, mark the account changed so the state
 * file keeps it. Synchronous on purpose: nothing else can touch the tenant's state between an operation's checks
 * and its writes.
 */
import type { Tenant } from '../tenants/tenant.js';
import type { WebhookEvent } from '../webhooks/types.js';
import type { Effects, Operation, OpResult, TaskRequest } from './op.js';

/** How the provider's webhook payloads become engine events (type, event id, ordering key). */
export type WebhookRouting<W> = (payload: W) => WebhookEvent;

/**
 * `persist: true` for work outside a provider request (control actions): a successful operation marks the account
 * changed. Provider requests need not: the pipeline saves after every write request.
 */
export interface RunOptions<W> {
  webhook: WebhookRouting<W>;
  persist?: boolean;
}

export function dispatchEffects<S, P, W>(
  tenant: Tenant<S, P>,
  effects: Effects<W, TaskRequest>,
  webhook: WebhookRouting<W>,
): void {
  for (const payload of effects.webhooks) tenant.webhooks.emit(webhook(payload));
  for (const task of effects.tasks) tenant.scheduler.at(task.kind, task.at, task.data);
}

export function runOp<S, P, C extends { readonly effects: Effects<W, TaskRequest> }, T, E, W>(
  tenant: Tenant<S, P>,
  ctx: C,
  op: Operation<C, T, E>,
  options: RunOptions<W>,
): OpResult<T, E> {
  const result = op(ctx);
  dispatchEffects(tenant, ctx.effects, options.webhook);
  if (options.persist && result.ok) tenant.markChanged();
  return result;
}
