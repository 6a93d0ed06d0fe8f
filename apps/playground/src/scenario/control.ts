/**
 * @module
 * The fakes' control handle over HTTP (`/_sandbox/accounts/<id>/...`), for one account. Scenarios use it the same
 * way whether the fake runs in this process or in a playground started elsewhere. It also keeps the account's
 * virtual time, which the eSIM Access client needs for its signature timestamps.
 */
import type {
  FaultInput,
  FaultRule,
  JournalEntry,
  JournalFilter,
  WebhookDelivery,
  WebhookFaults,
} from '@esim-sandbox/emulator';
import { PlaygroundError } from '../errors.js';

interface ClockAnswer {
  mode: 'real' | 'manual';
  now: number;
}

export class SandboxAccount {
  readonly baseUrl: string;
  readonly id: string;
  #offset = 0;

  constructor(baseUrl: string, id: string) {
    this.baseUrl = baseUrl;
    this.id = id;
  }

  /** A control call that must succeed; the error carries the fake's code and message. */
  async call<T>(method: string, subpath: string, body?: unknown): Promise<T> {
    const url = `${this.baseUrl}/_sandbox/accounts/${encodeURIComponent(this.id)}${subpath}`;
    const res = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const answer = (await res.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    } | null;
    if (!res.ok) {
      throw new PlaygroundError(
        'CONTROL_FAILED',
        `${method} ${subpath}: ${answer?.error?.code ?? res.status} ${answer?.error?.message ?? ''}`.trim(),
      );
    }
    return answer as T;
  }

  /**
   * The account's virtual time, as of the last clock read plus real time since. Clients sign with the wall clock,
   * which the fake checks RT-Timestamp against (its `timestampClock: 'caller'` default), as the live API does.
   */
  now(): number {
    return Date.now() + this.#offset;
  }

  #track(clock: ClockAnswer): ClockAnswer {
    this.#offset = clock.now - Date.now();
    return clock;
  }

  async useManualClock(): Promise<void> {
    this.#track(await this.call<ClockAnswer>('PUT', '/clock', { mode: 'manual' }));
  }

  /** Moves the virtual clock, running everything due on the way (allocations, expiries, webhook attempts). */
  async advance(ms: number): Promise<number> {
    return this.#track(await this.call<ClockAnswer>('POST', '/clock/advance', { ms })).now;
  }

  async advanceTo(at: number): Promise<number> {
    return this.#track(await this.call<ClockAnswer>('POST', '/clock/advance', { to: at })).now;
  }

  addFault(fault: FaultInput): Promise<FaultRule> {
    return this.call('POST', '/faults', fault);
  }

  async setRateLimit(limit: { limit: number; windowMs: number } | null): Promise<void> {
    await this.call('PUT', '/rate-limit', limit);
  }

  async journal(filter: JournalFilter = {}): Promise<JournalEntry[]> {
    const query = new URLSearchParams(Object.entries(filter).map(([k, v]) => [k, String(v)]));
    return (await this.call<{ entries: JournalEntry[] }>('GET', `/journal?${query}`)).entries;
  }

  async deliveries(): Promise<WebhookDelivery[]> {
    return (await this.call<{ deliveries: WebhookDelivery[] }>('GET', '/webhooks')).deliveries;
  }

  async setWebhookUrl(url: string | null): Promise<void> {
    await this.call('PUT', '/webhooks', { url });
  }

  /** Faults on the account's webhooks, e.g. `{ drop: {} }` loses every event until cleared with `{}`. */
  async setWebhookFaults(faults: WebhookFaults): Promise<void> {
    await this.call('PUT', '/webhooks/faults', faults);
  }
}

/** A fresh account on a fake; `key` becomes its id (access code / AuthKey). */
export async function createAccount(
  baseUrl: string,
  key: string,
  params?: Record<string, unknown>,
): Promise<{ id: string; key: string; secret: string }> {
  const res = await fetch(`${baseUrl}/_sandbox/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key, ...(params ? { params } : {}) }),
  });
  const answer = (await res.json()) as {
    id: string;
    key: string;
    secret: string;
    error?: { message?: string };
  };
  if (!res.ok) {
    throw new PlaygroundError(
      'CONTROL_FAILED',
      `POST /_sandbox/accounts: ${answer.error?.message ?? res.status}`,
    );
  }
  return answer;
}
