/**
 * The provider's response envelope, always over HTTP 200 (NOTES 1.2: no source shows a 4xx/5xx). Built with core's
 * envelope builders; only the spelling of `success` is a setting.
 * @module
 */
import { buildEsimAccessFailureEnvelope, buildEsimAccessSuccessEnvelope } from '@esim-sandbox/core';
import { answer, answerText } from '@esim-sandbox/emulator';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { OpResult } from '../ops/context.js';
import type { EsimAccessEnvelopeOptions } from '../runtime/options.js';

function spell<T extends { success: boolean }>(envelope: T, options: EsimAccessEnvelopeOptions) {
  return options.success === 'string' ? { ...envelope, success: String(envelope.success) } : envelope;
}

function successEnvelope(options: EsimAccessEnvelopeOptions, obj: unknown) {
  return spell(buildEsimAccessSuccessEnvelope(obj), options);
}

export function sendSuccess(c: Context, options: EsimAccessEnvelopeOptions, obj: unknown): Response {
  return answer(c, 200, successEnvelope(options, obj));
}

/**
 * A success answer serialised once and sent as is, for answers that only depend on what never changes (the
 * catalogue): serialising the full package list costs more than everything else a request does.
 */
export interface SerializedSuccess {
  readonly ok: true;
  readonly text: string;
}

export function serializeSuccess(options: EsimAccessEnvelopeOptions, obj: unknown): SerializedSuccess {
  return { ok: true, text: JSON.stringify(successEnvelope(options, obj)) };
}

/**
 * A success answer whose `obj[field]` is given as JSON text already (e.g. assembled from kept texts): the same bytes
 * as serialising the value the text stands for (Node 20 has no `JSON.rawJSON`). The field is serialised as a marker
 * holding a NUL, which no other value of a success envelope holds, and the marker's text is replaced by `json`.
 */
export function serializeSuccessWith<T extends object>(
  options: EsimAccessEnvelopeOptions,
  obj: T,
  field: keyof T & string,
  json: string,
): SerializedSuccess {
  const value = `\u0000${field}`;
  const marker = JSON.stringify(value);
  const text = JSON.stringify(successEnvelope(options, { ...obj, [field]: value }));
  const at = text.indexOf(marker);
  return { ok: true, text: text.slice(0, at) + json + text.slice(at + marker.length) };
}

/** `error.code` is a string so a fault can inject a code the table does not know. */
export function sendFailure(
  c: Context,
  options: EsimAccessEnvelopeOptions,
  error: { code: string; message: string },
  status: ContentfulStatusCode = 200,
): Response {
  return answer(c, status, spell(buildEsimAccessFailureEnvelope(error.code, error.message), options));
}

export function sendResult<T>(
  c: Context,
  options: EsimAccessEnvelopeOptions,
  result: OpResult<T> | SerializedSuccess,
): Response {
  if (!result.ok) return sendFailure(c, options, result.error);
  // The same bytes and content type c.json would send for the envelope.
  if ('text' in result) return answerText(c, 200, result.text, { 'Content-Type': 'application/json' });
  return sendSuccess(c, options, result.obj);
}

/** The errorCode of a response body, for the engine's journal (`providerCode`). */
export function responseCode(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const code = (body as { errorCode?: unknown }).errorCode;
  return typeof code === 'string' ? code : undefined;
}
