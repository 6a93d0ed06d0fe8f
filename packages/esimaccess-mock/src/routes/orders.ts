/**
 * `esim/order` and `esim/query`.
 * @module
 */

import { type EsimAccessApp, registerEndpoint } from '../http/endpoint.js';
import { placeOrder } from '../ops/order.js';
import { queryProfiles } from '../ops/query.js';
import type { EsimAccessRuntime } from '../runtime/runtime.js';
import { runOp } from '../runtime/runtime.js';

export function registerOrderRoutes(app: EsimAccessApp, rt: EsimAccessRuntime): void {
  registerEndpoint(app, rt, 'order', ({ tenant, body, links }) =>
    runOp(rt, tenant, links, (ctx) => placeOrder(ctx, body)),
  );
  registerEndpoint(app, rt, 'queryProfiles', ({ tenant, body, links }) =>
    runOp(rt, tenant, links, (ctx) => queryProfiles(ctx, body)),
  );
}
