/**
 * @module
 * Per-tenant request journal: a bounded ring buffer of redacted entries plus listeners (the playground streams it).
 * The journal is observation, not account state: it is not part of snapshots or the state file.
 */
import { globMatch } from '../faults/match.js';
import { type Exchange, journalEntry } from './entry.js';

export interface JournalEntry {
  /** `req_<n>`, increasing per tenant. */
  id: string;
  /** Virtual time the request arrived (ms since epoch). */
  at: number;
  method: string;
  path: string;
  /** The raw query string without '?', '' when none. */
  query: string;
  /** HTTP status answered; 0 when the connection was dropped by a fault. */
  status: number;
  /** The provider's own result code, from the provider's `responseCode()` callback. */
  providerCode?: string;
  /** Real milliseconds spent answering (includes injected latency). */
  latencyMs: number;
  requestHeaders: Record<string, string>;
  /** Parsed JSON (redacted) when the body is JSON, else the text; null when empty. */
  requestBody: unknown;
  responseBody: unknown;
  /** Id of the fault rule that answered or delayed this request. */
  faultId?: string;
  rateLimited?: boolean;
  /** False when authentication failed (the entry is then in the default account's journal unless the key matched). */
  authenticated: boolean;
}

export interface JournalFilter {
  method?: string;
  /** Exact path or glob (`*` within a segment, `**` across segments). */
  path?: string;
  status?: number;
  providerCode?: string;
  /** Only entries at or after this virtual time. */
  since?: number;
  /** Keep the last `limit` matches. */
  limit?: number;
}

export type JournalListener = (entry: JournalEntry) => void;

/**
 * @example
 * const off = tenant.journal.subscribe((e) => console.log(e.method, e.path, e.status));
 * tenant.journal.list({ path: '/api/v1/open/esim/*', limit: 10 });
 */
export class Journal {
  readonly #size: number;
  /**
   * A ring of slots: once full, the oldest slot (at #start) is reused instead of shifting every other one. A slot
   * holds the exchange as the pipeline recorded it until the entry is first read, then the entry.
   */
  #entries: (JournalEntry | undefined)[] = [];
  #pending: (Exchange | undefined)[] = [];
  #numbers: number[] = [];
  #start = 0;
  #counter = 0;
  readonly #listeners = new Set<JournalListener>();

  constructor(size: number) {
    this.#size = Math.max(1, size);
  }

  /** @internal the engine records; providers do not call this. */
  record(exchange: Exchange): void {
    const n = ++this.#counter;
    let slot = this.#entries.length;
    if (slot < this.#size) {
      this.#entries.push(undefined);
      this.#pending.push(exchange);
      this.#numbers.push(n);
    } else {
      slot = this.#start;
      this.#start = (slot + 1) % this.#size;
      this.#entries[slot] = undefined;
      this.#pending[slot] = exchange;
      this.#numbers[slot] = n;
    }
    if (this.#listeners.size > 0) this.#notify(this.#entryAt(slot));
  }

  /** Entries oldest first (copies are not made: treat them as read-only). */
  list(filter: JournalFilter = {}): JournalEntry[] {
    const out: JournalEntry[] = [];
    const n = this.#entries.length;
    for (let i = 0; i < n; i++) {
      const e = this.#entryAt((this.#start + i) % n);
      if (
        (filter.method === undefined || e.method === filter.method.toUpperCase()) &&
        (filter.path === undefined || globMatch(filter.path, e.path)) &&
        (filter.status === undefined || e.status === filter.status) &&
        (filter.providerCode === undefined || e.providerCode === filter.providerCode) &&
        (filter.since === undefined || e.at >= filter.since)
      ) {
        out.push(e);
      }
    }
    return filter.limit === undefined ? out : out.slice(-filter.limit);
  }

  last(): JournalEntry | undefined {
    const n = this.#entries.length;
    return n === 0 ? undefined : this.#entryAt((this.#start + n - 1) % n);
  }

  clear(): void {
    this.#entries = [];
    this.#pending = [];
    this.#numbers = [];
    this.#start = 0;
  }

  subscribe(listener: JournalListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #entryAt(slot: number): JournalEntry {
    const made = this.#entries[slot];
    if (made) return made;
    const entry = journalEntry(`req_${this.#numbers[slot]}`, this.#pending[slot]!);
    this.#entries[slot] = entry;
    this.#pending[slot] = undefined;
    return entry;
  }

  #notify(entry: JournalEntry): void {
    for (const listener of this.#listeners) {
      try {
        listener(entry);
      } catch {
        // A broken listener must not break the request that is being answered.
      }
    }
  }
}
