/**
 * Turns a webhook's bytes into JSON the store can hold, or refuses them as the sender's fault (400): a body that
 * is not UTF-8, not JSON, or has a string PostgreSQL's jsonb cannot store (a lone surrogate, a NUL). Refused
 * here, such a body would fail at the insert and be answered 503, which asks the provider to send it again for ever.
 * @module
 */
import { EsimAccessWebhookParseError, formatIssuePath } from '@esim-sandbox/core';

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** In a /u pattern a surrogate pair is one code point, so \p{Cs} matches only a lone half. */
const LONE_SURROGATE = /\p{Cs}/u;

function invalid(
  path: readonly PropertyKey[],
  message: string,
  cause?: unknown,
): EsimAccessWebhookParseError {
  return new EsimAccessWebhookParseError([{ path: formatIssuePath(path), message }], { cause });
}

/** A string jsonb refuses, as the reason; undefined when it can be stored. */
function unstorable(text: string): string | undefined {
  if (LONE_SURROGATE.test(text)) return 'holds a lone UTF-16 surrogate (not a Unicode character)';
  if (text.includes('\u0000')) return 'holds a NUL character';
  return undefined;
}

/** The first string (key or value) jsonb cannot store, with its path. */
function checkStorable(value: unknown, path: PropertyKey[]): void {
  if (typeof value === 'string') {
    const reason = unstorable(value);
    if (reason) throw invalid(path, `string ${reason}`);
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) checkStorable(item, [...path, index]);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const reason = unstorable(key);
      if (reason) throw invalid(path, `a key ${reason}`);
      checkStorable(item, [...path, key]);
    }
  }
}

/** Throws `EsimAccessWebhookParseError` (code `WEBHOOK_INVALID`, `path` of the bad string) for what no provider sends. */
export function decodeWebhookBody(bytes: ArrayBuffer): unknown {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch (error) {
    throw invalid([], 'body is not valid UTF-8', error);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw invalid([], 'body is not valid JSON', error);
  }
  checkStorable(body, []);
  return body;
}
