/**
 * @module
 * The steps every authenticated iRoamly endpoint shares after authentication: parameters from the JSON body (POST)
 * or the query string (GET, when `http.allowGet`), validated with core's request schema (code 3 through core's
 * mapper), then the endpoint's operation, answered as the provider does.
 */
import { toIroamlyParameterError } from '@esim-sandbox/core';
import type { ProviderEnv } from '@esim-sandbox/emulator';
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import type { IroamlyAccountParams } from '../runtime/options.js';
import type { IroamlyRuntime, IroamlyTenant } from '../runtime/runtime.js';
import { type OpResult, ok, parameterFailure } from '../state/result.js';
import type { AccountState } from '../state/types.js';
import { IROAMLY_ENDPOINTS } from './endpoints.js';
import { sendFailure, sendResult } from './envelope.js';

type Env = ProviderEnv<AccountState, IroamlyAccountParams>;
type Ctx = Context<Env>;
export type IroamlyApp = Hono<Env>;

/**
 * The query string as parameters. A query string only carries text, so a list parameter (productList, codeList)
 * is sent as JSON text (`productList=[{"productCode":"x","quantity":1}]`); text that is not JSON stays text and
 * the schema answers 3 naming the field.
 */
function queryParams(c: Ctx, listFields: readonly string[]): Record<string, unknown> {
  const params: Record<string, unknown> = c.req.query();
  for (const field of listFields) {
    const text = params[field];
    if (typeof text !== 'string') continue;
    try {
      params[field] = JSON.parse(text);
    } catch {
      // Left as text: the schema names the field.
    }
  }
  return params;
}

/** Parameters from the JSON body (POST) or the query string (GET, when allowed). */
function readParams(c: Ctx, rt: IroamlyRuntime, listFields: readonly string[]): OpResult<unknown> {
  if (c.req.method === 'GET') {
    return rt.http.allowGet
      ? ok(queryParams(c, listFields))
      : { ok: false, error: parameterFailure('method', 'use POST') };
  }
  const raw = c.get('rawBody');
  // An empty body is an empty object, so the answer names the first missing field.
  if (raw.trim() === '') return ok({});
  try {
    return ok(JSON.parse(raw));
  } catch {
    return { ok: false, error: parameterFailure('body', 'not valid JSON') };
  }
}

type OpenapiName = Exclude<keyof typeof IROAMLY_ENDPOINTS, 'getPlanItem'>;

export function registerEndpoint<N extends OpenapiName, T extends { code: 1 }>(
  app: IroamlyApp,
  rt: IroamlyRuntime,
  name: N,
  handle: (
    input: z.output<(typeof IROAMLY_ENDPOINTS)[N]['schema']>,
    tenant: IroamlyTenant,
    c: Ctx,
  ) => OpResult<T>,
): void {
  const { path, schema, listFields } = IROAMLY_ENDPOINTS[name];
  app.on(['GET', 'POST'], path, (c) => {
    const params = readParams(c, rt, listFields);
    if (!params.ok) return sendFailure(c, rt, params.error);
    const parsed = schema.safeParse(params.obj);
    if (!parsed.success) return sendFailure(c, rt, toIroamlyParameterError(parsed.error.issues));
    return sendResult(
      c,
      rt,
      handle(parsed.data as z.output<(typeof IROAMLY_ENDPOINTS)[N]['schema']>, c.get('tenant'), c),
    );
  });
}
