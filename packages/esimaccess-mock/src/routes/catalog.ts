/**
 * `package/list` and `location/list`.
 * @module
 */

import type { EsimAccessPackageListRequest } from '@esim-sandbox/core';
import { type EsimAccessApp, registerEndpoint } from '../http/endpoint.js';
import { type SerializedSuccess, serializeSuccess } from '../http/envelope.js';
import type { OpResult } from '../ops/context.js';
import { listLocations, listPackages } from '../ops/query.js';
import type { EsimAccessRuntime } from '../runtime/runtime.js';
import { runOp } from '../runtime/runtime.js';

/** Distinct filters are few; a client sweeping many is still bounded. */
const MAX_CACHED_ANSWERS = 64;

export function registerCatalogRoutes(app: EsimAccessApp, rt: EsimAccessRuntime): void {
  // The catalogue and the envelope's spelling are fixed for the mock's life, so an answer that depends on nothing
  // else is serialised once per filter. With an `iccid` it depends on the account's profiles: always worked out.
  const answers = new Map<string, SerializedSuccess>();
  const cached = (key: string, build: () => OpResult<unknown>): OpResult<unknown> | SerializedSuccess => {
    const known = answers.get(key);
    if (known) return known;
    const result = build();
    if (!result.ok) return result;
    if (answers.size >= MAX_CACHED_ANSWERS) answers.clear();
    const answer = serializeSuccess(rt.envelope, result.obj);
    answers.set(key, answer);
    return answer;
  };

  registerEndpoint(app, rt, 'listPackages', ({ tenant, body, links }) => {
    const list = () => runOp(rt, tenant, links, (ctx) => listPackages(ctx, body));
    return body.iccid ? list() : cached(filterKey(body), list);
  });
  registerEndpoint(app, rt, 'listLocations', ({ tenant, links }) =>
    cached('locations', () => runOp(rt, tenant, links, listLocations)),
  );
}

function filterKey(body: EsimAccessPackageListRequest): string {
  return JSON.stringify([
    'packages',
    body.type,
    body.locationCode,
    body.packageCode,
    body.slug,
    body.dataType,
  ]);
}
