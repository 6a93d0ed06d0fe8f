/**
 * @module
 * Secret redaction for everything the engine shows: journal entries, logs, snapshots through the control API.
 */

export const REDACTED = '[REDACTED]';

export interface RedactionRules {
  /** Header names, case-insensitive (e.g. 'RT-Signature', 'Certification'). */
  headers?: readonly string[];
  /** JSON field names at any depth, case-insensitive (e.g. 'secretKey'). */
  fields?: readonly string[];
}

/** Always redacted, whatever the provider says. */
const ALWAYS_HEADERS = ['authorization', 'cookie', 'set-cookie', 'proxy-authorization'];

export class Redactor {
  readonly #headers: Set<string>;
  readonly #fields: Set<string>;
  readonly #anyField: RegExp | undefined;

  constructor(rules: RedactionRules = {}) {
    this.#headers = new Set([...ALWAYS_HEADERS, ...(rules.headers ?? []).map((h) => h.toLowerCase())]);
    this.#fields = new Set((rules.fields ?? []).map((f) => f.toLowerCase()));
    const escaped = [...this.#fields].map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.#anyField = escaped.length ? new RegExp(`"(?:${escaped.join('|')})"`, 'i') : undefined;
  }

  /** Whether `text` may hold a secret field (a cheap scan, before paying for a parse). */
  mayNameSecret(text: string): boolean {
    return this.#anyField?.test(text) ?? false;
  }

  headers(headers: Headers | Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
    for (const [name, value] of entries) {
      out[name.toLowerCase()] = this.#headers.has(name.toLowerCase()) ? REDACTED : value;
    }
    return out;
  }

  /** Deep copy of a JSON value with secret fields replaced. */
  body(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => this.body(v));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        out[k] = this.#fields.has(k.toLowerCase()) ? REDACTED : this.body(v);
      }
      return out;
    }
    return value;
  }

  /** Parses text as JSON when it is JSON, then redacts; other text is kept as is. */
  text(text: string): unknown {
    if (text === '') return null;
    try {
      return this.body(JSON.parse(text));
    } catch {
      return text;
    }
  }
}
