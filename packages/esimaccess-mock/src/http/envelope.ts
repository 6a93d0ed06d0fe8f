/**
 * The provider's response envelope, always over HTTP 200 (NOTES 1.2: no source shows a 4xx/5xx). Built with core's
 * envelope builders; only the spelling of `success` is a setting.
 * @module
 */
import { buildEsimAccessFailureEnvelope, buildEsimAccessSuccessEnvelope } from '@esim-sandbox/core';
import type { Context } from 'hono';
import type { EsimAccessEnvelopeOptions } from '../mock/options.js';
import type { OpResult } from '../ops/context.js';

function spell<T extends { success: boolean }>(envelope: T, options: EsimAccessEnvelopeOptions) {
  return options.success === 'string' ? { ...envelope, success: String(envelope.success) } : envelope;
}

export function sendSuccess(c: Context, options: EsimAccessEnvelopeOptions, obj: unknown): Response {
  return c.json(spell(buildEsimAccessSuccessEnvelope(obj), options), 200);
}

/** `error.code` is a string so a fault can inject a code the table does not know. */
export function sendFailure(
  c: Context,
  options: EsimAccessEnvelopeOptions,
  error: { code: string; message: string },
  status = 200,
): Response {
  return c.json(spell(buildEsimAccessFailureEnvelope(error.code, error.message), options), status as 200);
}

export function sendResult<T>(c: Context, options: EsimAccessEnvelopeOptions, result: OpResult<T>): Response {
  return result.ok ? sendSuccess(c, options, result.obj) : sendFailure(c, options, result.error);
}

/** The errorCode of a response body, for the engine's journal (`providerCode`). */
export function responseCode(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const code = (body as { errorCode?: unknown }).errorCode;
  return typeof code === 'string' ? code : undefined;
}
