/**
 * @module
 * One attempt of a delivery and what follows from its answer: delivered, a retry on the backoff schedule, or failed.
 */
import type { WebhooksHost } from './host.js';
import type { DeliveryLog } from './log.js';
import { scheduleAttempt } from './schedule.js';
import { sendWebhook } from './send.js';
import type { DeliveryChange, WebhookAttempt, WebhookDelivery } from './types.js';

export interface AttemptContext {
  readonly host: WebhooksHost;
  log(): DeliveryLog;
  notify(d: WebhookDelivery, change: DeliveryChange): void;
}

/** Sends `d` once; a `manual` attempt (redeliver, deliverNow) never schedules a retry. */
export async function attemptDelivery(
  ctx: AttemptContext,
  d: WebhookDelivery,
  manual: boolean,
): Promise<WebhookAttempt> {
  const { host } = ctx;
  const body = JSON.stringify(d.payload);
  const attempt = await sendWebhook(
    {
      url: d.url,
      body,
      headers: host.headers(body, d),
      timeoutMs: host.options.timeoutMs,
      fetch: host.fetch(),
      realNow: () => host.realNow(),
    },
    host.clock.now(),
  );
  if (manual) attempt.manual = true;
  // The account was restored or reset while the receiver answered: the delivery is no longer its own.
  if (ctx.log().get(d.id) !== d) return attempt;
  d.attempts.push(attempt);
  if (isOk(attempt)) {
    ctx.log().finish(d, 'delivered');
    d.nextAttemptAt = undefined;
  } else if (!manual) {
    const failures = d.attempts.filter((a) => !a.manual).length;
    const backoff = host.options.retryScheduleMs[failures - 1];
    if (backoff === undefined) ctx.log().finish(d, 'failed');
    // From the virtual time the attempt was sent, however long the receiver took.
    else scheduleAttempt(host.scheduler, d, backoff, attempt.at);
  } else if (d.state !== 'pending') {
    d.state = 'failed';
  }
  ctx.notify(d, 'attempt');
  return attempt;
}

export function isOk(a: WebhookAttempt): boolean {
  return a.status !== undefined && a.status >= 200 && a.status < 300;
}
