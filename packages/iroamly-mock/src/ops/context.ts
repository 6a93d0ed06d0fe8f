/**
 * @module
 * What every operation runs against: the engine kit's operation shape (synchronous, checks before it mutates,
 * tasks collected in `effects` for the kit's `runOp` to schedule) with iRoamly's own context fields and task. iRoamly
 * sends no webhooks (spec v1.2), so an operation's webhook list is always empty.
 */
import {
  type Emulator,
  emptyEffects,
  type OpContext as KitOpContext,
  type TaskRequest as KitTaskRequest,
  runOp as runKitOp,
  type Tenant,
} from '@esim-sandbox/emulator';
import type { Catalog } from '../catalog/catalog.js';
import type { IroamlyAccountParams } from '../state/params.js';
import type { OpResult } from '../state/result.js';
import type { AccountState } from '../state/types.js';
import type { IroamlyBehaviour } from './behaviour.js';

export type IroamlyTenant = Tenant<AccountState, IroamlyAccountParams>;
export type IroamlyEmulator = Emulator<AccountState, IroamlyAccountParams>;

/** The scheduler task kind that completes a redemption at its due time. */
export const REDEMPTION_TASK_KIND = 'iroamly.redemption.complete';
export interface RedemptionTaskData {
  redemptionId: string;
}
export type RedemptionTask = KitTaskRequest<typeof REDEMPTION_TASK_KIND, RedemptionTaskData>;

/** What operations read besides the account: shared by every account of one mock. */
export interface OpsConfig {
  readonly catalog: Catalog;
  readonly behaviour: IroamlyBehaviour;
}

/** The kit's operation context, with what iRoamly operations read besides. */
export interface OpContext extends KitOpContext<AccountState, never, RedemptionTask>, OpsConfig {
  /** Where the request came in (QR links in the mails); undefined outside a request. */
  readonly baseUrl?: string | undefined;
}

export function contextFor(config: OpsConfig, tenant: IroamlyTenant, baseUrl?: string): OpContext {
  return {
    state: tenant.state,
    now: tenant.clock.now(),
    rng: tenant.random,
    catalog: config.catalog,
    behaviour: config.behaviour,
    baseUrl,
    effects: emptyEffects(),
    chaosDelay: (stream, baseMs) => tenant.chaos.delay(stream, baseMs),
  };
}

/** iRoamly has no webhooks: nothing ever reaches this. */
const noWebhook = (payload: never) => payload;

/**
 * Runs an operation against a tenant through the kit's `runOp`; `persist` for work outside a provider request
 * (control actions, tasks), which the pipeline does not save by itself.
 */
export function runOp<T>(
  config: OpsConfig,
  tenant: IroamlyTenant,
  op: (ctx: OpContext) => OpResult<T>,
  options: { persist?: boolean; baseUrl?: string | undefined } = {},
): OpResult<T> {
  const ctx = contextFor(config, tenant, options.baseUrl);
  return runKitOp(tenant, ctx, op, { webhook: noWebhook, persist: options.persist ?? false });
}
