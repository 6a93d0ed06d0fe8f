/**
 * @module
 * `GET /common/getPlanItem?region=`: the public plan list, a bare JSON array (NOTES section 2). A region that
 * matches nothing answers HTTP 404 or `[]`, as configured.
 */
import { type IroamlyPlanListResponse, toIroamlyParameterError } from '@esim-sandbox/core';
import { answer, type ProviderEnv } from '@esim-sandbox/emulator';
import type { Hono } from 'hono';
import { plansForRegion } from '../catalog/catalog.js';
import { IROAMLY_ENDPOINTS } from '../http/endpoints.js';
import type { IroamlyAccountParams } from '../runtime/options.js';
import type { IroamlyRuntime } from '../runtime/runtime.js';
import { parameterFailure } from '../state/result.js';
import type { AccountState } from '../state/types.js';

export function registerPlanRoutes(
  app: Hono<ProviderEnv<AccountState, IroamlyAccountParams>>,
  rt: IroamlyRuntime,
) {
  const { path, schema } = IROAMLY_ENDPOINTS.getPlanItem;
  app.get(path, (c) => {
    const query = schema.safeParse(c.req.query());
    const plans = query.success ? plansForRegion(rt.catalog, query.data.region) : undefined;
    if (plans) return answer(c, 200, plans satisfies IroamlyPlanListResponse);
    if (rt.http.unknownRegion === 'empty') return answer(c, 200, [] satisfies IroamlyPlanListResponse);
    const body = query.success
      ? parameterFailure('region', `no plans for '${query.data.region}'`)
      : toIroamlyParameterError(query.error.issues);
    return answer(c, 404, body);
  });
}
