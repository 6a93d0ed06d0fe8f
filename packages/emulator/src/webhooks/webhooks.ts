/**
 * @module
 * Per-tenant webhook delivery: emit → scheduled attempt (a scheduler task, so `advance()` drives and awaits it) →
 * retries with backoff on the VIRTUAL clock → delivered / failed; plus webhook faults and a delivery log.
 */
import type { ChaosDeliveryMark } from '../chaos/state.js';
import { EmulatorError } from '../errors.js';
import { type WebhookFaultSpec, type WebhookFaults, webhookFaultsSchema } from '../faults/schema.js';
import { parseOrThrow } from '../validate.js';
import { type AttemptContext, attemptDelivery, isOk } from './attempt.js';
import type { WebhooksHost } from './host.js';
import { DeliveryLog } from './log.js';
import { DeliveryPool } from './pool.js';
import { scheduleAttempt, unscheduledDeliveries } from './schedule.js';
import type {
  DeliveryChange,
  DeliveryListener,
  WebhookAttempt,
  WebhookDelivery,
  WebhookEvent,
  WebhookPayload,
} from './types.js';

export type { WebhooksHost } from './host.js';

/**
 * @example
 * tenant.webhooks.setUrl('http://127.0.0.1:4000/hook');
 * tenant.webhooks.emit({ type: 'ORDER_STATUS', payload: (id) => ({ notifyType: 'ORDER_STATUS', notifyId: id }) });
 * await tenant.clock... // or: await tenant.advance(0) to send it in manual mode
 */
export class Webhooks {
  readonly #host: WebhooksHost;
  readonly #listeners = new Set<DeliveryListener>();
  #index: DeliveryLog | undefined;
  readonly #pool: DeliveryPool;
  readonly #attemptContext: AttemptContext;

  constructor(host: WebhooksHost) {
    this.#host = host;
    this.#pool = new DeliveryPool(host.options.concurrency);
    this.#attemptContext = { host, log: () => this.#log(), notify: (d, change) => this.#notify(d, change) };
  }

  get url(): string | null {
    return this.#host.data().url;
  }

  setUrl(url: string | null): void {
    if (url !== null) {
      try {
        new URL(url);
      } catch {
        throw new EmulatorError('INVALID_ARGUMENT', `url: not a valid URL: ${url}`, { field: 'url' });
      }
    }
    this.#host.data().url = url;
    this.#host.changed();
  }

  get faults(): WebhookFaults {
    return structuredClone(this.#host.data().faults);
  }

  /** Replaces the webhook fault settings (validated; `{}` turns them all off). */
  setFaults(faults: WebhookFaults): void {
    this.#host.data().faults = parseOrThrow(webhookFaultsSchema, faults, 'faults');
    this.#host.changed();
  }

  /** The delivery log, oldest first (copies). */
  deliveries(filter: { state?: WebhookDelivery['state']; type?: string } = {}): WebhookDelivery[] {
    return structuredClone(
      this.#host
        .data()
        .deliveries.filter(
          (d) => (!filter.state || d.state === filter.state) && (!filter.type || d.type === filter.type),
        ),
    );
  }

  get(id: string): WebhookDelivery {
    return structuredClone(this.#find(id));
  }

  subscribe(listener: DeliveryListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Queues an event for delivery to the webhook URL. The first attempt is a scheduler task due now (plus any delay
   * fault): the real-time timer sends it at once; in manual mode it waits for the next advance (advance(0) works).
   * Returns undefined when no URL is configured (nothing is recorded).
   */
  emit(event: WebhookEvent): WebhookDelivery | undefined {
    const url = event.url ?? this.url;
    if (!url) return undefined;
    // Decided for every event, whatever the manual faults do, so they never shift the chaos sequence.
    const chaos = this.#host.chaos.webhook(event.type);
    const d = this.#create(event, url, chaos?.mark);
    const faults = this.#host.data().faults;
    if (this.#fires(faults.drop) || chaos?.drop) {
      this.#log().finish(d, 'dropped');
      tag(d, 'drop');
      this.#notify(d, 'dropped');
      this.#host.changed();
      return structuredClone(d);
    }
    const previouslyHeld = this.#log()
      .heldBy('reorder')
      .filter((x) => x !== d);
    let delayMs = 0;
    if (this.#fires(faults.lateAfterPoll) || chaos?.lateAfterPoll) {
      this.#log().hold(d, 'poll');
      tag(d, 'lateAfterPoll');
    } else if (this.#fires(faults.reorder) || chaos?.reorder) {
      this.#log().hold(d, 'reorder');
      tag(d, 'reorder');
    }
    const manualDelay = faults.delay && this.#fires(faults.delay) ? faults.delay.ms : undefined;
    if (manualDelay !== undefined || chaos?.delayMs) {
      delayMs = (manualDelay ?? 0) + (chaos?.delayMs ?? 0);
      tag(d, 'delay');
    }
    if (!d.held) this.#scheduleAttempt(d, delayMs);
    if (this.#fires(faults.duplicate) || chaos?.duplicate) {
      tag(d, 'duplicate');
      const copy = this.#create(
        { ...event, eventId: d.eventId, payload: d.payload as WebhookPayload },
        url,
        chaos?.mark,
      );
      copy.duplicateOf = d.id;
      copy.faults = ['duplicate'];
      if (d.held) this.#log().hold(copy, d.held);
      else this.#scheduleAttempt(copy, delayMs);
    }
    for (const held of previouslyHeld) this.#release(held);
    this.#host.changed();
    return structuredClone(d);
  }

  /**
   * Sends one event now and awaits the single attempt (no retries), e.g. a provider's "test delivery" before it
   * accepts a URL. The delivery is logged; webhook faults do not apply.
   */
  async deliverNow(event: WebhookEvent): Promise<{ ok: boolean; delivery: WebhookDelivery }> {
    const url = event.url ?? this.url;
    if (!url) throw new EmulatorError('NO_WEBHOOK_URL', 'no webhook URL configured', { field: 'url' });
    const d = this.#create(event, url);
    const attempt = await this.#attempt(d, true);
    if (!isOk(attempt)) this.#log().finish(d, 'failed');
    this.#host.changed();
    return { ok: isOk(attempt), delivery: structuredClone(d) };
  }

  /** One manual attempt now, whatever the state (pending retries are cancelled if it succeeds). */
  async redeliver(id: string): Promise<WebhookAttempt> {
    const d = this.#find(id);
    this.#log().hold(d, undefined);
    const attempt = await this.#attempt(d, true);
    this.#host.changed();
    return { ...attempt };
  }

  /**
   * @internal the scheduler task handler for WEBHOOK_ATTEMPT_TASK: hands the attempt to the account's pool and
   * returns at once, so the scheduler's next task does not wait on the receiver.
   */
  runAttemptTask(data: { deliveryId: string }): void {
    const d = this.#log().get(data.deliveryId);
    if (d?.state !== 'pending' || d.held) return;
    d.nextAttemptAt = undefined;
    this.#pool.run(d.orderKey ?? '', async () => {
      // Redelivered, restored over or reset while waiting for its turn: nothing to send.
      if (d.state !== 'pending' || d.held || this.#log().get(d.id) !== d) return;
      await this.#attempt(d, false);
      this.#host.changed();
    });
  }

  /**
   * @internal waits for the attempts in flight while they keep finishing (each is cut at the attempt timeout, so
   * only a wait with none finishing for that long is given up); true when some were in flight and all finished.
   */
  settle(): Promise<boolean> {
    return this.#pool.settle(this.#host.options.timeoutMs);
  }

  /**
   * @internal called whenever the account's data is loaded (a state file at start, restore, a rollback): gives every
   * pending delivery that has no attempt scheduled (its attempt was in flight when the data was saved) one now.
   * At-least-once: the receiver may have had the lost attempt already.
   */
  recoverUnscheduled(): void {
    const { deliveries } = this.#host.data();
    for (const d of unscheduledDeliveries(deliveries, this.#host.scheduler.list()))
      this.#scheduleAttempt(d, 0);
  }

  /** Resolves when no attempt is in flight. */
  idle(): Promise<void> {
    return this.#pool.idle();
  }

  /** @internal called after the tenant's provider read request has been answered. */
  releasePollHeld(): boolean {
    // Called after every read request: most of the time nothing is held, and the log is not scanned.
    const held = this.#log().heldBy('poll');
    for (const d of held) this.#release(d);
    if (held.length) this.#host.changed();
    return held.length > 0;
  }

  #create(event: WebhookEvent, url: string, chaos?: ChaosDeliveryMark): WebhookDelivery {
    const eventId = event.eventId ?? this.#host.random().hex(32);
    const payload = typeof event.payload === 'function' ? event.payload(eventId) : event.payload;
    const d: WebhookDelivery = {
      id: `whd_${this.#host.nextSeq()}`,
      eventId,
      type: event.type,
      url,
      payload: structuredClone(payload),
      state: 'pending',
      createdAt: this.#host.clock.now(),
      attempts: [],
    };
    if (event.orderKey !== undefined) d.orderKey = event.orderKey;
    if (chaos) d.chaos = structuredClone(chaos);
    this.#log().add(d, this.#host.options.logSize);
    this.#notify(d, 'emitted');
    return d;
  }

  #release(d: WebhookDelivery): void {
    this.#log().hold(d, undefined);
    this.#scheduleAttempt(d, 0);
    this.#notify(d, 'released');
  }

  #scheduleAttempt(d: WebhookDelivery, delayMs: number): void {
    scheduleAttempt(this.#host.scheduler, d, delayMs, this.#host.clock.now());
  }

  #attempt(d: WebhookDelivery, manual: boolean): Promise<WebhookAttempt> {
    return attemptDelivery(this.#attemptContext, d, manual);
  }

  #fires(spec: WebhookFaultSpec | undefined): boolean {
    if (!spec) return false;
    if (spec.count !== undefined && spec.count <= 0) return false;
    if (spec.probability !== undefined && !this.#host.faultRandom().chance(spec.probability)) return false;
    if (spec.count !== undefined) spec.count--;
    return true;
  }

  #find(id: string): WebhookDelivery {
    const d = this.#log().get(id);
    if (!d) throw new EmulatorError('UNKNOWN_DELIVERY', `no webhook delivery '${id}'`, { field: 'id' });
    return d;
  }

  /** The log's index, rebuilt when the log array is another one (restore, reset). */
  #log(): DeliveryLog {
    const list = this.#host.data().deliveries;
    if (this.#index?.list !== list) this.#index = new DeliveryLog(list);
    return this.#index;
  }

  #notify(d: WebhookDelivery, change: DeliveryChange): void {
    for (const listener of this.#listeners) {
      try {
        listener(structuredClone(d), change);
      } catch {
        // Observers must not break delivery.
      }
    }
  }
}

function tag(d: WebhookDelivery, fault: string): void {
  d.faults = [...(d.faults ?? []), fault];
}
