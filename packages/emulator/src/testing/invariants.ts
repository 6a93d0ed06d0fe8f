/**
 * @module
 * Invariants a reseller asserts after a run (chaos or not): each check returns the violations it found, and
 * {@link throwIfViolated} turns a list into one readable error. The provider-neutral one lives here (every webhook
 * applied exactly once); the fakes' testing entries add their own (charged once, profiles delivered) beside it.
 */
import type { WebhookDelivery } from '../webhooks/types.js';

/** One broken invariant: `rule` is the check's name, `message` says what and where, naming the provider's ids. */
export interface InvariantViolation {
  rule: string;
  message: string;
}

/** Thrown by the `expect…` helpers: the message lists every violation, one a line. */
export class InvariantError extends Error {
  constructor(
    readonly violations: readonly InvariantViolation[],
    title: string,
  ) {
    super(
      `${title}: ${violations.length} violation(s)\n${violations.map((v) => `  - ${v.message}`).join('\n')}`,
    );
    this.name = 'InvariantError';
  }
}

/** Throws an {@link InvariantError} titled `title` when `violations` is not empty. */
export function throwIfViolated(title: string, violations: readonly InvariantViolation[]): void {
  if (violations.length > 0) throw new InvariantError(violations, title);
}

export interface WebhookApplicationOptions {
  /** The provider's name for the event id, used in the messages (eSIM Access: `notifyId`). Default `event id`. */
  idName?: string;
  /** Event types a receiver is not meant to apply (eSIM Access's CHECK_HEALTH URL test). */
  ignoreTypes?: readonly string[];
}

const isOk = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;

/**
 * Every webhook applied exactly once, from the account's deliveries and the event ids the app says it applied (one
 * entry per application, in any order). An event the provider delivered (a 2xx attempt) must be applied exactly
 * once; one it will not deliver (dropped, or failed for good) or has not delivered yet (pending, held) at most once,
 * since the app may have learnt its news another way (a poll); an id the provider never sent must not be applied.
 * @example
 * const violations = webhookApplicationViolations(account.webhookDeliveries(), shop.appliedEventIds);
 */
export function webhookApplicationViolations(
  deliveries: readonly WebhookDelivery[],
  applied: readonly string[],
  options: WebhookApplicationOptions = {},
): InvariantViolation[] {
  const idName = options.idName ?? 'event id';
  const ignored = new Set(options.ignoreTypes ?? []);
  const events = new Map<string, { type: string; delivered: boolean }>();
  for (const d of deliveries) {
    if (ignored.has(d.type)) continue;
    const event = events.get(d.eventId) ?? { type: d.type, delivered: false };
    event.delivered ||= d.attempts.some((a) => isOk(a.status));
    events.set(d.eventId, event);
  }
  const times = new Map<string, number>();
  for (const id of applied) times.set(id, (times.get(id) ?? 0) + 1);
  const violations: InvariantViolation[] = [];
  for (const [id, n] of times) {
    const event = events.get(id);
    if (!event) {
      violations.push({
        rule: 'unknown',
        message: `${idName} ${id} was applied but never sent by the provider`,
      });
    } else if (n > 1) {
      violations.push({
        rule: 'applied-twice',
        message: `${idName} ${id} (${event.type}) was applied ${n} times`,
      });
    }
  }
  for (const [id, event] of events) {
    if (event.delivered && !times.has(id)) {
      violations.push({
        rule: 'not-applied',
        message: `${idName} ${id} (${event.type}) was delivered (2xx) but never applied`,
      });
    }
  }
  return violations;
}

/** Throws an {@link InvariantError} listing what {@link webhookApplicationViolations} found. */
export function expectWebhooksAppliedOnce(
  deliveries: readonly WebhookDelivery[],
  applied: readonly string[],
  options: WebhookApplicationOptions = {},
): void {
  throwIfViolated(
    'every webhook applied exactly once',
    webhookApplicationViolations(deliveries, applied, options),
  );
}
