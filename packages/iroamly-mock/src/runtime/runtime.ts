/**
 * @module
 * What the provider layer shares between routes, tasks and the control handle (catalogue, behaviour, the HTTP
 * switches), and the one bridge from a domain operation to the engine kit's `runOp`: the context built from a
 * tenant. iRoamly sends no webhooks (spec v1.2), so an operation's webhook list is always empty.
 */
import { type Emulator, emptyEffects, runOp as runKitOp, type Tenant } from '@esim-sandbox/emulator';
import type { Context } from 'hono';
import type { OpContext, OpsConfig } from '../ops/context.js';
import type { OpResult } from '../state/result.js';
import type { AccountState } from '../state/types.js';
import type { IroamlyAccountParams, IroamlyHttp } from './options.js';

export type IroamlyTenant = Tenant<AccountState, IroamlyAccountParams>;
export type IroamlyEmulator = Emulator<AccountState, IroamlyAccountParams>;

export interface IroamlyRuntime extends OpsConfig {
  readonly http: IroamlyHttp;
}

/** The base of links the mock hands out: the configured public URL, else the origin the request came to. */
export function publicBase(c: Context, rt: IroamlyRuntime): string {
  return rt.http.publicBaseUrl ?? new URL(c.req.url).origin;
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
