/**
 * @module
 * When a delivery's next attempt happens: a scheduler task (so `advance()` drives it on the virtual clock), and
 * the recovery of deliveries whose attempt was in flight when their state was saved.
 */
import type { Scheduler, Task } from '../clock/scheduler.js';
import { WEBHOOK_ATTEMPT_TASK, type WebhookDelivery } from './types.js';

/** Schedules the delivery's next attempt `delayMs` after virtual time `from`. */
export function scheduleAttempt(
  scheduler: Scheduler,
  d: WebhookDelivery,
  delayMs: number,
  from: number,
): void {
  const task = scheduler.at(WEBHOOK_ATTEMPT_TASK, from + Math.max(0, delayMs), { deliveryId: d.id });
  d.nextAttemptAt = task.at;
}

/**
 * Pending deliveries that nothing will ever send: not held back by a fault (a later event or read releases those)
 * and with no attempt task. An attempt takes its task off the queue when it starts, so a state saved while the
 * receiver was answering (then loaded by a restart or a restore) holds its delivery this way.
 */
export function unscheduledDeliveries(
  deliveries: readonly WebhookDelivery[],
  tasks: readonly Task[],
): WebhookDelivery[] {
  const scheduled = new Set<string>();
  for (const task of tasks) {
    if (task.kind === WEBHOOK_ATTEMPT_TASK) scheduled.add((task.data as { deliveryId: string }).deliveryId);
  }
  return deliveries.filter((d) => d.state === 'pending' && !d.held && !scheduled.has(d.id));
}
