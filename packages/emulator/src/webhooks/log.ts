/**
 * @module
 * An in-memory index over a tenant's webhook delivery log (which itself is plain data in the tenant's state): finding
 * a delivery by id, knowing whether any is held, and trimming cost O(1) per event instead of a scan of the whole log,
 * which made 10,000 events emitted at once quadratic. Built from the log array, and rebuilt by the owner whenever
 * the array is another one (restore, reset).
 */
import type { DeliveryState, WebhookDelivery } from './types.js';

export class DeliveryLog {
  readonly list: WebhookDelivery[];
  readonly #byId: Map<string, WebhookDelivery>;
  /** How many deliveries each fault holds back. */
  readonly #held = { reorder: 0, poll: 0 };
  /** Every delivery before this position was pending at the last trim (back to 0 when one stops pending). */
  #trimFrom = 0;

  constructor(list: WebhookDelivery[]) {
    this.list = list;
    this.#byId = new Map(list.map((d) => [d.id, d]));
    for (const d of list) if (d.held) this.#held[d.held]++;
  }

  get(id: string): WebhookDelivery | undefined {
    return this.#byId.get(id);
  }

  /** Held deliveries of one kind, oldest first (no scan when there are none). */
  heldBy(kind: NonNullable<WebhookDelivery['held']>): WebhookDelivery[] {
    return this.#held[kind] > 0 ? this.list.filter((d) => d.held === kind) : [];
  }

  /** Appends, then drops the oldest finished deliveries beyond `logSize` (pending ones are never dropped). */
  add(d: WebhookDelivery, logSize: number): void {
    this.list.push(d);
    this.#byId.set(d.id, d);
    if (d.held) this.#held[d.held]++;
    while (this.list.length > logSize) {
      let i = this.#trimFrom;
      while (i < this.list.length && this.list[i]!.state === 'pending') i++;
      this.#trimFrom = i;
      if (i >= this.list.length) break;
      const [gone] = this.list.splice(i, 1);
      if (gone) this.#byId.delete(gone.id);
    }
  }

  /** Sets (or clears) what holds a delivery back. */
  hold(d: WebhookDelivery, held: WebhookDelivery['held']): void {
    if (d.held) this.#held[d.held]--;
    if (held) this.#held[held]++;
    d.held = held;
  }

  finish(d: WebhookDelivery, state: Exclude<DeliveryState, 'pending'>): void {
    d.state = state;
    this.#trimFrom = 0;
  }
}
