/**
 * @module
 * What the webhook machinery needs from its account (supplied by the tenant).
 */
import type { WebhookChaos } from '../chaos/chaos.js';
import type { Clock } from '../clock/clock.js';
import type { Scheduler } from '../clock/scheduler.js';
import type { Random } from '../random/random.js';
import type { WebhookData, WebhookDelivery } from './types.js';

export interface WebhooksHost {
  data(): WebhookData;
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  /** Fault coin flips. */
  faultRandom(): Random;
  /** Default event ids. */
  random(): Random;
  nextSeq(): number;
  changed(): void;
  /** Extra headers per delivery (e.g. a signature over the exact body). */
  headers(body: string, delivery: WebhookDelivery): Record<string, string>;
  readonly options: {
    retryScheduleMs: readonly number[];
    timeoutMs: number;
    logSize: number;
    /** Attempts in flight at once for the account. */
    concurrency: number;
  };
  /** The emulator's `fetch` option; undefined when none was given. */
  fetch(): typeof fetch | undefined;
  realNow(): number;
  /** The account's chaos: what it does to each emitted event. */
  readonly chaos: { webhook(type: string): WebhookChaos | undefined };
}
