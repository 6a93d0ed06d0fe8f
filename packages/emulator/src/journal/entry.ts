/**
 * @module
 * One journal entry per provider request. The pipeline hands the journal an {@link Exchange}: plain fields and the
 * texts as received and sent, one object per request with no closures. The journal turns it into a
 * {@link JournalEntry} when the entry is first read; its headers and bodies are redacted, and the provider's code
 * worked out, when those fields are first read (see `lazy.ts`). Keeping less per request matters: an entry lives
 * for the next few hundred requests, long enough for the garbage collector to copy everything it holds.
 */

import type { ChaosMark } from '../chaos/state.js';
import { headersFromJournal } from '../http/connection.js';
import type { JournalEntry } from './journal.js';
import { defineLazy, settle } from './lazy.js';
import type { Redactor } from './redact.js';

/** The provider's code for a parsed response body (its `responseCode`). */
export type ResponseCode = (body: unknown, status: number) => string | undefined;

/** What the pipeline knows about a request once it has been answered. */
export interface Exchange {
  at: number;
  method: string;
  path: string;
  query: string;
  /** 0 when the connection was dropped. */
  status: number;
  latencyMs: number;
  /** The request's headers as `journalHeaders` keeps them. */
  headers: Headers | string;
  /** Cut by the journal to its per-body limit. */
  requestText: string;
  /** The answer's text; '' when none or dropped. */
  responseText: string;
  /** `responseText` encoded, when it was written as bytes: the journal keeps these instead (off the JS heap). */
  responseBytes: Buffer | undefined;
  dropped: boolean;
  faultId: string | undefined;
  /** What seeded chaos did to the request, when it acted. */
  chaos: ChaosMark | undefined;
  rateLimited: boolean;
  authenticated: boolean;
  redactor: Redactor;
  responseCode: ResponseCode | undefined;
}

/**
 * Field order as the journal has always shown it: id … responseBody, faultId, chaos, rateLimited, authenticated,
 * providerCode.
 */
export function journalEntry(id: string, x: Exchange): JournalEntry {
  const response: ResponseText = { kept: x.responseBytes ?? x.responseText };
  const entry = {
    id,
    at: x.at,
    method: x.method,
    path: x.path,
    query: x.query,
    status: x.status,
    latencyMs: x.latencyMs,
    get requestHeaders() {
      return settle(entry, 'requestHeaders', x.redactor.headers(headersFromJournal(x.headers)));
    },
    get requestBody() {
      return settle(entry, 'requestBody', x.redactor.text(x.requestText));
    },
    get responseBody() {
      const value = parsedResponse(response);
      const body = value === undefined ? responseText(response) || null : x.redactor.body(value);
      return settle(entry, 'responseBody', body);
    },
  } as JournalEntry;
  if (x.faultId !== undefined) entry.faultId = x.faultId;
  if (x.chaos !== undefined) entry.chaos = { ...x.chaos };
  if (x.rateLimited) entry.rateLimited = true;
  entry.authenticated = x.authenticated;
  const { responseCode } = x;
  if (!x.dropped && responseCode) {
    defineLazy(entry, 'providerCode', () => responseCode(parsedResponse(response), x.status));
  }
  return entry;
}

/** The provider's code in an answer, for readers that keep no entry (the request log). */
export function exchangeProviderCode(x: Exchange): string | undefined {
  return x.dropped || !x.responseCode ? undefined : x.responseCode(parseJson(x.responseText), x.status);
}

/** The response text (or its bytes), parsed once for whichever of responseBody and providerCode is read first. */
interface ResponseText {
  kept: string | Buffer;
  parsed?: { value: unknown };
}

function responseText(response: ResponseText): string {
  if (typeof response.kept !== 'string') response.kept = response.kept.toString('utf8');
  return response.kept;
}

function parsedResponse(response: ResponseText): unknown {
  response.parsed ??= { value: parseJson(responseText(response)) };
  return response.parsed.value;
}

/** null for no body, undefined for text that is not JSON. */
function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
