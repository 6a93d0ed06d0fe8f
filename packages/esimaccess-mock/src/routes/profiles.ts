/**
 * Single-profile endpoints: cancel, suspend, unsuspend, revoke, sendSms, top-up and usage.
 * @module
 */

import { type EsimAccessApp, registerEndpoint } from '../http/endpoint.js';
import { cancelProfile, revokeProfile, sendSms, suspendProfile, unsuspendProfile } from '../ops/actions.js';
import { queryUsage } from '../ops/query.js';
import { topUp } from '../ops/topup.js';
import type { EsimAccessRuntime } from '../runtime/runtime.js';
import { runOp } from '../runtime/runtime.js';

export function registerProfileRoutes(app: EsimAccessApp, rt: EsimAccessRuntime): void {
  const actions = {
    cancel: cancelProfile,
    suspend: suspendProfile,
    unsuspend: unsuspendProfile,
    revoke: revokeProfile,
  };
  for (const [name, action] of Object.entries(actions) as [keyof typeof actions, typeof cancelProfile][]) {
    registerEndpoint(app, rt, name, ({ tenant, body, links }) =>
      runOp(rt, tenant, links, (ctx) => action(ctx, body)),
    );
  }
  registerEndpoint(app, rt, 'sendSms', ({ tenant, body, links }) =>
    runOp(rt, tenant, links, (ctx) => sendSms(ctx, body)),
  );
  registerEndpoint(app, rt, 'topUp', ({ tenant, body, links }) =>
    runOp(rt, tenant, links, (ctx) => topUp(ctx, body)),
  );
  registerEndpoint(app, rt, 'queryUsage', ({ tenant, body, links }) =>
    runOp(rt, tenant, links, (ctx) => queryUsage(ctx, body)),
  );
}
