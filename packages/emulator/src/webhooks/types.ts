/**
 * @module
 * Plain-data shapes of webhook state (kept in the tenant's state, so snapshots and the state file carry them).
 */
import type { ChaosDeliveryMark } from '../chaos/state.js';
import type { WebhookFaults } from '../faults/schema.js';

export type DeliveryState = 'pending' | 'delivered' | 'failed' | 'dropped';

export interface WebhookAttempt {
  /** Virtual time of the attempt. */
  at: number;
  /** HTTP status the receiver answered; absent on a network error or timeout. */
  status?: number;
  /** 'timeout', or the network error's message. */
  error?: string;
  /** Real ms the attempt took. */
  durationMs: number;
  /** True for `redeliver()` / `deliverNow()` attempts (outside the retry schedule). */
  manual?: boolean;
}

export interface WebhookDelivery {
  /** `whd_<n>`. */
  id: string;
  /** The event id (the same for a duplicate delivery of one event). */
  eventId: string;
  type: string;
  url: string;
  payload: unknown;
  state: DeliveryState;
  /** Virtual time of emit(). */
  createdAt: number;
  attempts: WebhookAttempt[];
  /** Virtual time of the next scheduled attempt while pending. */
  nextAttemptAt?: number;
  /** Set while a fault holds it back: sent after the next event / after the next provider read request. */
  held?: 'reorder' | 'poll';
  /** Webhook faults that applied: 'drop' | 'duplicate' | 'delay' | 'reorder' | 'lateAfterPoll'. */
  faults?: string[];
  /** On the second copy made by the duplicate fault: the first copy's delivery id. */
  duplicateOf?: string;
  /** The event's {@link WebhookEvent.orderKey}. */
  orderKey?: string;
  /** Set when seeded chaos acted on the event: its seed, profile, the rules that fired and the `webhook` seq. */
  chaos?: ChaosDeliveryMark;
}

export interface WebhookData {
  url: string | null;
  faults: WebhookFaults;
  deliveries: WebhookDelivery[];
}

/** A JSON value, or a function of the event id returning one. */
export type WebhookPayload =
  | ((eventId: string) => unknown)
  | Record<string, unknown>
  | readonly unknown[]
  | string
  | number
  | boolean
  | null;

export interface WebhookEvent {
  /** The provider's event type, for the log and filters (e.g. 'ORDER_STATUS'). */
  type: string;
  /** JSON payload, or a builder receiving the event id (e.g. to put it in `notifyId`). */
  payload: WebhookPayload;
  /** Defaults to 32 lowercase hex characters from the tenant's seeded generator. */
  eventId?: string;
  /** Defaults to the tenant's configured webhook URL. */
  url?: string;
  /**
   * What the event is about (e.g. a profile's ICCID): the attempts of one key are sent one at a time in the order
   * they are due, attempts of different keys run concurrently. Events without a key share one order.
   */
  orderKey?: string;
}

export type DeliveryChange = 'emitted' | 'attempt' | 'dropped' | 'released';
export type DeliveryListener = (delivery: WebhookDelivery, change: DeliveryChange) => void;

export const WEBHOOK_ATTEMPT_TASK = 'emulator.webhook.attempt';
