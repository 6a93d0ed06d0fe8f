/**
 * `esim/order` and `esim/query`.
 * @module
 */

import { type EsimAccessApp, registerEndpoint } from '../http/endpoint.js';
import { serializeSuccessWith } from '../http/envelope.js';
import { placeOrder } from '../ops/order.js';
import { pageProfiles } from '../ops/query.js';
import type { EsimAccessRuntime } from '../runtime/runtime.js';
import { runOp } from '../runtime/runtime.js';

export function registerOrderRoutes(app: EsimAccessApp, rt: EsimAccessRuntime): void {
  registerEndpoint(app, rt, 'order', ({ tenant, body, links }) =>
    runOp(rt, tenant, links, (ctx) => placeOrder(ctx, body)),
  );
  // Each profile's text is reused while the profile is unchanged (profile-texts.ts): serialising the page was the
  // largest part of the request's cost.
  registerEndpoint(app, rt, 'queryProfiles', ({ tenant, body, links }) => {
    const paged = runOp(rt, tenant, links, (ctx) => pageProfiles(ctx, body));
    if (!paged.ok) return paged;
    const esimList = rt.profileTexts.list(paged.obj.esimList, links);
    return serializeSuccessWith(rt.envelope, paged.obj, 'esimList', esimList);
  });
}
