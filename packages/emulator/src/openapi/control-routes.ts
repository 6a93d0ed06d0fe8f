/**
 * @module
 * Control routes as one table: each entry is both the route (its handler gets the body and query already validated
 * by the entry's schemas) and its documentation, so the served routes and the control document cannot drift apart.
 */
import type { Context, Env, Hono } from 'hono';
import type { z } from 'zod';
import { readJson, readQuery } from '../control/http.js';
import type { ControlRouteDoc } from '../types/openapi.js';

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface ControlRouteSpec<
  E extends Env,
  B extends z.ZodType | undefined,
  Q extends z.ZodObject | undefined,
> extends Omit<ControlRouteDoc, 'body' | 'query'> {
  readonly body?: B;
  readonly query?: Q;
  handle(c: Context<E>, input: { body: Parsed<B>; query: Parsed<Q> }): Response | Promise<Response>;
}

export interface ControlRoute<E extends Env> extends ControlRouteDoc {
  handle(c: Context<E>, input: { body: unknown; query: unknown }): Response | Promise<Response>;
}

/**
 * A typed entry maker for one Hono env: the handler's `input` is typed from the entry's schemas.
 * @example
 * const route = controlRoute<AccountEnv<State>>();
 * const routes = [
 *   route({ method: 'put', path: '/balance', summary: 'Set the balance', body: balanceSchema,
 *     response: { description: 'the new balance' },
 *     handle: (c, { body }) => c.json({ balance: setBalance(c.var.tenant, body.balance) }) }),
 * ];
 */
export function controlRoute<E extends Env>() {
  return <B extends z.ZodType | undefined = undefined, Q extends z.ZodObject | undefined = undefined>(
    spec: ControlRouteSpec<E, B, Q>,
  ): ControlRoute<E> => spec as unknown as ControlRoute<E>;
}

/** Registers every entry of the table on `app` (a provider's `controlRoutes` / `globalControlRoutes` hook). */
export function mountControlRoutes<E extends Env>(app: Hono<E>, routes: readonly ControlRoute<E>[]): void {
  for (const route of routes) {
    app.on(route.method.toUpperCase(), route.path, async (c) =>
      route.handle(c, {
        body: route.body ? await readJson(c, route.body) : undefined,
        query: route.query ? readQuery(c, route.query) : undefined,
      }),
    );
  }
}
