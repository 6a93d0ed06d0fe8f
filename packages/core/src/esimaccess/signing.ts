/**
 * eSIM Access request signing: `RT-Signature = hex(HMAC-SHA256(secretKey, timestamp + requestId + accessCode + body))`
 * over the exact body bytes sent. `signEsimAccessRequest` is used by the client, `verifyEsimAccessSignature` and
 * `isEsimAccessTimestampFresh` by servers (the fake).
 * @module
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const ESIM_ACCESS_HEADERS = {
  accessCode: 'RT-AccessCode',
  timestamp: 'RT-Timestamp',
  requestId: 'RT-RequestID',
  signature: 'RT-Signature',
} as const;

export interface EsimAccessSignatureInput {
  /** The RT-Timestamp header value exactly as sent (ms, or 10-digit seconds in the docs' test vector). */
  readonly timestamp: string | number;
  readonly requestId: string;
  readonly accessCode: string;
  /** The exact body string sent on the wire, never a re-serialised object. */
  readonly body: string;
  readonly secretKey: string;
}

/** Lowercase hex HMAC-SHA256 of `timestamp + requestId + accessCode + body`, keyed by the secret key. */
export function signEsimAccessRequest(input: EsimAccessSignatureInput): string {
  return signatureBytes(input).toString('hex');
}

/**
 * The three signature headers of one request (RT-Timestamp, RT-RequestID, RT-Signature); add RT-AccessCode (and a
 * content type) yourself. For clients and tests that build requests by hand, so none spells the scheme out again.
 */
export function esimAccessSignatureHeaders(input: EsimAccessSignatureInput): Record<string, string> {
  return {
    [ESIM_ACCESS_HEADERS.timestamp]: String(input.timestamp),
    [ESIM_ACCESS_HEADERS.requestId]: input.requestId,
    [ESIM_ACCESS_HEADERS.signature]: signEsimAccessRequest(input),
  };
}

function signatureBytes(input: EsimAccessSignatureInput): Buffer {
  return createHmac('sha256', input.secretKey)
    .update(`${input.timestamp}${input.requestId}${input.accessCode}${input.body}`, 'utf8')
    .digest();
}

export interface EsimAccessSignatureCheck extends EsimAccessSignatureInput {
  /** The received RT-Signature header. */
  readonly signature: string | null | undefined;
}

const HEX_SHA256 = /^[0-9a-fA-F]{64}$/;

/**
 * True when `signature` is the HMAC of the received request. Hex case is ignored (the docs say lowercase but print
 * uppercase; Redtea says case-insensitive) and the comparison is constant-time.
 */
export function verifyEsimAccessSignature(check: EsimAccessSignatureCheck): boolean {
  const { signature } = check;
  if (typeof signature !== 'string' || !HEX_SHA256.test(signature)) return false;
  // Compared as bytes: the digest is never hex-encoded only to be decoded again.
  const expected = signatureBytes(check);
  const received = Buffer.from(signature, 'hex');
  return expected.length === received.length && timingSafeEqual(expected, received);
}

/** The sister platforms (Redtea, Simlessly) accept a timestamp within 10 minutes; eSIM Access does not say. */
export const ESIM_ACCESS_DEFAULT_TIMESTAMP_WINDOW_MS = 10 * 60 * 1000;

/**
 * Milliseconds since the epoch for an RT-Timestamp value: 13-digit milliseconds as the docs say, or 10-digit
 * seconds as in the docs' test vector. Undefined when the value is not such a number.
 */
export function parseEsimAccessTimestamp(value: string | number | null | undefined): number | undefined {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^\d{1,16}$/.test(text)) return undefined;
  const parsed = Number(text);
  return text.length <= 10 ? parsed * 1000 : parsed;
}

export interface EsimAccessTimestampCheck {
  readonly timestamp: string | number | null | undefined;
  /** Current time in ms; servers pass their (virtual) clock. */
  readonly now: number;
  /** Maximum distance from `now`, both directions. Default 10 minutes. */
  readonly windowMs?: number;
}

/** True when the timestamp parses and lies within `windowMs` of `now` (clock skew is allowed both ways). */
export function isEsimAccessTimestampFresh(check: EsimAccessTimestampCheck): boolean {
  const at = parseEsimAccessTimestamp(check.timestamp);
  if (at === undefined) return false;
  return Math.abs(check.now - at) <= (check.windowMs ?? ESIM_ACCESS_DEFAULT_TIMESTAMP_WINDOW_MS);
}
