/**
 * @module
 * What every route and task handler of the mock shares: the catalogue, the resolved switches, and the helpers
 * that turn a domain {@link Result} into the provider's HTTP answer.
 */
import { answer, type Emulator, type Tenant } from '@esim-sandbox/emulator';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Catalog } from '../catalog/catalog.js';
import type { IroamlyBehaviour, OperationContext } from '../operations/behaviour.js';
import type { IroamlyFailure, Result } from '../state/result.js';
import type { AccountState } from '../state/types.js';
import type { IroamlyAccountParams, IroamlyHttp } from './options.js';

export type IroamlyTenant = Tenant<AccountState, IroamlyAccountParams>;
export type IroamlyEmulator = Emulator<AccountState, IroamlyAccountParams>;

export interface IroamlyRuntime {
  catalog: Catalog;
  behaviour: IroamlyBehaviour;
  http: IroamlyHttp;
}

/** The operation context for one tenant at its current virtual time. */
export function operationContext(tenant: IroamlyTenant, rt: IroamlyRuntime): OperationContext {
  return { now: tenant.clock.now(), rng: tenant.random, catalog: rt.catalog, behaviour: rt.behaviour };
}

/** The base of links the mock hands out: the configured public URL, else the origin the request came to. */
export function publicBase(c: Context, rt: IroamlyRuntime): string {
  return rt.http.publicBaseUrl ?? new URL(c.req.url).origin;
}

/** A non-success answer with the configured HTTP status (200 by default). */
export function sendFailure(c: Context, rt: IroamlyRuntime, failure: IroamlyFailure): Response {
  return answer(c, rt.http.errorStatus as ContentfulStatusCode, failure);
}

/** A result as the provider answers it: the success body as given, or `{code, msg}`. */
export function sendResult<T extends { code: 1 }>(
  c: Context,
  rt: IroamlyRuntime,
  result: Result<T>,
): Response {
  return result.ok ? answer(c, 200, result.value) : sendFailure(c, rt, result.failure);
}
