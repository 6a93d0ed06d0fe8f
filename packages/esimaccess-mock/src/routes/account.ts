/**
 * `balance/query`, `webhook/save` and `webhook/query`. The webhook URL lives in the engine's webhook module (which
 * delivers to it), not in the provider state.
 * @module
 */

import { type EsimAccessApp, registerEndpoint } from '../http/endpoint.js';
import { fail, ok } from '../ops/context.js';
import { getBalance } from '../ops/query.js';
import { checkHealthWebhook } from '../ops/webhooks.js';
import type { EsimAccessRuntime } from '../runtime/runtime.js';
import { contextFor, runOp } from '../runtime/runtime.js';

export function registerAccountRoutes(app: EsimAccessApp, rt: EsimAccessRuntime): void {
  registerEndpoint(app, rt, 'getBalance', ({ tenant, links }) => runOp(rt, tenant, links, getBalance));

  // The provider refuses a URL whose CHECK_HEALTH test delivery fails (NOTES 1.5): one awaited attempt first.
  registerEndpoint(app, rt, 'saveWebhook', async ({ tenant, body, links }) => {
    const payload = checkHealthWebhook(contextFor(rt, tenant, links));
    const { ok: delivered, delivery } = await tenant.webhooks.deliverNow({
      type: payload.notifyType,
      payload,
      eventId: payload.notifyId ?? undefined,
      url: body.webhook,
    });
    if (!delivered) {
      const attempt = delivery.attempts.at(-1);
      const why = attempt?.status === undefined ? (attempt?.error ?? 'no answer') : `HTTP ${attempt.status}`;
      return fail('000105', `webhook: the CHECK_HEALTH test delivery to ${body.webhook} failed (${why})`);
    }
    tenant.webhooks.setUrl(body.webhook);
    return ok({});
  });

  registerEndpoint(app, rt, 'queryWebhook', ({ tenant }) => ok({ webhook: tenant.webhooks.url }));
}
