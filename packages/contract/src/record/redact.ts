/**
 * Redaction of recorded traffic. Always: signature and certification headers, and every secret value wherever it
 * appears. Credentials that identify the account (access code, AuthKey) become stable placeholders, emails become
 * `redacted-N@example.invalid`, and, when asked, ICCIDs become `89000000000000NNNNN`. The same value always gets the
 * same placeholder within a recording, so a fixture stays consistent (the ICCID a query answered is the one a later
 * request names).
 * @module
 */
import type { Json } from '../runner/types.js';

export const REDACTED = '[REDACTED]';

/** Headers whose value is a secret or derived from one: never stored. */
const SECRET_HEADERS = new Set(['rt-signature', 'certification', 'authorization', 'cookie', 'set-cookie']);

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** ICCIDs: 19-20 digits starting with 89 (the telecom industry identifier). */
const ICCID = /(?<!\d)89\d{17,18}(?!\d)/g;

export interface RedactionOptions {
  /** Values never stored (secret keys, AuthSecret): replaced by `[REDACTED]` wherever they appear. */
  secrets?: readonly string[];
  /** Values replaced by a fixed placeholder wherever they appear: `{ [accessCode]: '<ACCESS_CODE>' }`. */
  placeholders?: Readonly<Record<string, string>>;
  /** Replace email addresses. Default true. */
  emails?: boolean;
  /** Replace ICCIDs. Default false (they are needed to follow a profile through a session). */
  iccids?: boolean;
}

export class Redactor {
  private readonly emails = new Map<string, string>();
  private readonly iccids = new Map<string, string>();
  private readonly replacements: [string, string][];

  constructor(private readonly options: RedactionOptions = {}) {
    // Longest first, so a value that contains another is replaced whole.
    this.replacements = [
      ...(options.secrets ?? []).filter((s) => s.length > 0).map((s): [string, string] => [s, REDACTED]),
      ...Object.entries(options.placeholders ?? {}).filter(([value]) => value.length > 0),
    ].sort((a, b) => b[0].length - a[0].length);
  }

  /** What was redacted, for the fixture's `redacted` list. */
  describe(): string[] {
    return [
      'RT-Signature, Certification and other secret headers',
      ...(this.options.secrets?.length ? ['secret values'] : []),
      ...Object.values(this.options.placeholders ?? {}),
      ...(this.options.emails === false ? [] : ['emails']),
      ...(this.options.iccids ? ['ICCIDs'] : []),
    ];
  }

  text(value: string): string {
    let out = value;
    for (const [from, to] of this.replacements) out = out.replaceAll(from, to);
    if (this.options.emails !== false)
      out = out.replace(EMAIL, (email) => this.placeholder(this.emails, email));
    if (this.options.iccids) out = out.replace(ICCID, (iccid) => this.placeholder(this.iccids, iccid));
    return out;
  }

  json(value: Json): Json {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((v) => this.json(v));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.json(v)]));
    }
    return value;
  }

  headers(headers: Headers, keep: (name: string) => boolean = () => true): Record<string, string> {
    const out: Record<string, string> = {};
    headers.forEach((value, name) => {
      if (!keep(name)) return;
      out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : this.text(value);
    });
    return out;
  }

  private placeholder(map: Map<string, string>, value: string): string {
    let found = map.get(value);
    if (!found) {
      const n = map.size + 1;
      found = map === this.emails ? `redacted-${n}@example.invalid` : `89${String(n).padStart(17, '0')}`;
      map.set(value, found);
    }
    return found;
  }
}
