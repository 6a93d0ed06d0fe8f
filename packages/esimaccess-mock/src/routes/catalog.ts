/**
 * `package/list` and `location/list`.
 * @module
 */

import { type EsimAccessApp, registerEndpoint } from '../http/endpoint.js';
import type { EsimAccessRuntime } from '../mock/runtime.js';
import { runOp } from '../mock/runtime.js';
import { listLocations, listPackages } from '../ops/query.js';

export function registerCatalogRoutes(app: EsimAccessApp, rt: EsimAccessRuntime): void {
  registerEndpoint(app, rt, 'listPackages', ({ tenant, body, links }) =>
    runOp(rt, tenant, links, (ctx) => listPackages(ctx, body)),
  );
  registerEndpoint(app, rt, 'listLocations', ({ tenant, links }) => runOp(rt, tenant, links, listLocations));
}
