/**
 * @module
 * Per-tenant request journal: a bounded ring buffer of redacted entries plus listeners (the playground streams it).
 * The journal is observation, not account state: it is not part of snapshots or the state file.
 */
import { globMatch } from '../faults/match.js';

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
  #entries: JournalEntry[] = [];
  #counter = 0;
  readonly #listeners = new Set<JournalListener>();

  constructor(size: number) {
    this.#size = Math.max(1, size);
  }

  /**
   * @internal the engine records; providers do not call this. The entry object itself is kept (its `id` is set
   * here), so fields the engine computes on first read stay lazy.
   */
  record(entry: Omit<JournalEntry, 'id'> & { id?: string }): JournalEntry {
    const full = entry as JournalEntry;
    full.id = `req_${++this.#counter}`;
    this.#entries.push(full);
    if (this.#entries.length > this.#size) this.#entries.splice(0, this.#entries.length - this.#size);
    for (const listener of this.#listeners) {
      try {
        listener(full);
      } catch {
        // A broken listener must not break the request that is being answered.
      }
    }
    return full;
  }

  /** Entries oldest first (copies are not made: treat them as read-only). */
  list(filter: JournalFilter = {}): JournalEntry[] {
    const out = this.#entries.filter(
      (e) =>
        (filter.method === undefined || e.method === filter.method.toUpperCase()) &&
        (filter.path === undefined || globMatch(filter.path, e.path)) &&
        (filter.status === undefined || e.status === filter.status) &&
        (filter.providerCode === undefined || e.providerCode === filter.providerCode) &&
        (filter.since === undefined || e.at >= filter.since),
    );
    return filter.limit === undefined ? out : out.slice(-filter.limit);
  }

  last(): JournalEntry | undefined {
    return this.#entries.at(-1);
  }

  clear(): void {
    this.#entries = [];
  }

  subscribe(listener: JournalListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
