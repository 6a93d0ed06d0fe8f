/**
 * @module
 * Per-tenant request journal: a bounded queue of redacted entries (by count and by the characters of their bodies)
 * plus listeners (the playground streams it).
 * The journal is observation, not account state: it is not part of snapshots or the state file.
 */
import type { ChaosMark } from '../chaos/state.js';
import { globMatch } from '../faults/match.js';
import { type Exchange, journalEntry } from './entry.js';
import type { Redactor } from './redact.js';

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
  /** Seeded chaos acted on this request: its seed, profile, the rule that fired and the request's `api` seq. */
  chaos?: ChaosMark;
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

/** How much one account's journal keeps. */
export interface JournalLimits {
  /** Entries kept. */
  size: number;
  /** Characters of each request and response body kept; longer ones are cut with a marker. */
  bodyChars: number;
  /** Characters of bodies kept in all: past it the oldest entries go, even below `size`. */
  totalChars: number;
}

export const DEFAULT_JOURNAL_BODY_CHARS = 65_536;
export const DEFAULT_JOURNAL_TOTAL_CHARS = 8_388_608;

/** One recorded request: the exchange as the pipeline gave it until the entry is first read, then the entry. */
interface Slot {
  n: number;
  chars: number;
  exchange: Exchange | undefined;
  entry: JournalEntry | undefined;
}

/**
 * @example
 * const off = tenant.journal.subscribe((e) => console.log(e.method, e.path, e.status));
 * tenant.journal.list({ path: '/api/v1/open/esim/*', limit: 10 });
 */
export class Journal {
  readonly #limits: JournalLimits;
  /**
   * Oldest first from #head; slots before #head are gone. The array is compacted once the dead part is as long as
   * the live one, so dropping the oldest entry costs no shift of every other one.
   */
  #slots: (Slot | undefined)[] = [];
  #head = 0;
  #chars = 0;
  #counter = 0;
  readonly #listeners = new Set<JournalListener>();

  constructor(limits: Partial<JournalLimits> & { size: number }) {
    this.#limits = {
      size: Math.max(1, limits.size),
      bodyChars: limits.bodyChars ?? DEFAULT_JOURNAL_BODY_CHARS,
      totalChars: limits.totalChars ?? DEFAULT_JOURNAL_TOTAL_CHARS,
    };
  }

  /** @internal the engine records; providers do not call this. */
  record(exchange: Exchange): void {
    const cap = this.#limits.bodyChars;
    if (exchange.requestText.length > cap || exchange.responseText.length > cap) {
      exchange.requestText = cut(exchange.requestText, cap, exchange.redactor);
      exchange.responseText = cut(exchange.responseText, cap, exchange.redactor);
      exchange.responseBytes = undefined;
    }
    const chars = exchange.requestText.length + exchange.responseText.length;
    // The bytes hold the same text: the string is let go while it is young, which costs the collector nothing.
    if (exchange.responseBytes) exchange.responseText = '';
    const slot: Slot = { n: ++this.#counter, chars, exchange, entry: undefined };
    this.#slots.push(slot);
    this.#chars += chars;
    while (
      this.#slots.length - this.#head > this.#limits.size ||
      (this.#chars > this.#limits.totalChars && this.#slots.length - this.#head > 1)
    ) {
      this.#chars -= this.#slots[this.#head]!.chars;
      this.#slots[this.#head++] = undefined;
    }
    if (this.#head > 64 && this.#head * 2 >= this.#slots.length) {
      this.#slots = this.#slots.slice(this.#head);
      this.#head = 0;
    }
    if (this.#listeners.size > 0) this.#notify(this.#entryOf(slot));
  }

  /** Entries oldest first (copies are not made: treat them as read-only). */
  list(filter: JournalFilter = {}): JournalEntry[] {
    const out: JournalEntry[] = [];
    for (let i = this.#head; i < this.#slots.length; i++) {
      const e = this.#entryOf(this.#slots[i]!);
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
    const slot = this.#slots.length > this.#head ? this.#slots[this.#slots.length - 1] : undefined;
    return slot && this.#entryOf(slot);
  }

  clear(): void {
    this.#slots = [];
    this.#head = 0;
    this.#chars = 0;
  }

  subscribe(listener: JournalListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #entryOf(slot: Slot): JournalEntry {
    if (slot.entry) return slot.entry;
    const entry = journalEntry(`req_${slot.n}`, slot.exchange!);
    slot.entry = entry;
    slot.exchange = undefined;
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

/**
 * The first `cap` characters and a marker. JSON that may name a secret field is redacted before it is cut, so a cut
 * can never leave a secret readable; the kept part is copied so it does not hold the whole original in memory (a
 * V8 slice keeps its parent string alive).
 */
function cut(text: string, cap: number, redactor: Redactor): string {
  if (text.length <= cap) return text;
  let shown = text;
  if (redactor.mayNameSecret(text)) {
    const redacted = redactor.text(text);
    shown = typeof redacted === 'string' ? redacted : JSON.stringify(redacted);
  }
  const kept = Buffer.from(shown.slice(0, cap), 'utf8').toString('utf8');
  return `${kept}…[truncated: ${text.length} characters, the first ${cap} kept]`;
}
