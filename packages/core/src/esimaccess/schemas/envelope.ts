/**
 * The response envelope every eSIM Access endpoint answers with, always over HTTP 200:
 * `{ success, errorCode, errorMsg, obj }`.
 *
 * Official examples send `success: true` and `errorMsg`; the doc tables say `success` is a String and call the field
 * `errorMessage`. Parsing accepts both spellings of both; the builders emit the examples' form.
 * @module
 */
import { z } from 'zod';

/** Lenient envelope for parsing live responses; `obj` is checked separately against the endpoint's schema. */
export const esimAccessEnvelopeSchema = z.object({
  success: z.union([z.boolean(), z.enum(['true', 'false'])]),
  /** `null` or `"0"` on success; a 6-digit string on failure. Numbers are tolerated and zero-padded on read. */
  errorCode: z.union([z.string(), z.number()]).nullish(),
  errorMsg: z.string().nullish(),
  errorMessage: z.string().nullish(),
  obj: z.unknown().optional(),
});
export type EsimAccessEnvelope = z.infer<typeof esimAccessEnvelopeSchema>;

/** Canonical success envelope around a given `obj` schema: what a fake sends. */
export function esimAccessSuccessEnvelopeSchema<T extends z.ZodType>(obj: T) {
  return z.object({
    success: z.literal(true),
    errorCode: z.null(),
    errorMsg: z.null(),
    obj,
  });
}

/** Canonical failure envelope: what a fake sends. */
export const esimAccessFailureEnvelopeSchema = z.object({
  success: z.literal(false),
  errorCode: z.string().regex(/^\d{6}$/),
  errorMsg: z.string(),
  obj: z.null(),
});
export type EsimAccessFailureEnvelope = z.infer<typeof esimAccessFailureEnvelopeSchema>;

export interface EsimAccessSuccessEnvelope<T> {
  success: true;
  errorCode: null;
  errorMsg: null;
  obj: T;
}

export function buildEsimAccessSuccessEnvelope<T>(obj: T): EsimAccessSuccessEnvelope<T> {
  return { success: true, errorCode: null, errorMsg: null, obj };
}

export function buildEsimAccessFailureEnvelope(code: string, message: string): EsimAccessFailureEnvelope {
  return { success: false, errorCode: code, errorMsg: message, obj: null };
}

export type EsimAccessEnvelopeOutcome =
  | { ok: true; obj: unknown }
  | { ok: false; code: string; message: string | undefined };

/** Reads a parsed envelope: success true/"true" (whatever errorCode says) or the provider's code and message. */
export function readEsimAccessEnvelope(envelope: EsimAccessEnvelope): EsimAccessEnvelopeOutcome {
  if (envelope.success === true || envelope.success === 'true') return { ok: true, obj: envelope.obj };
  const raw = envelope.errorCode;
  // A numeric code would have lost its leading zeros ("000105" -> 105).
  const code = raw === null || raw === undefined || raw === '' ? '' : String(raw).padStart(6, '0');
  const message = envelope.errorMsg ?? envelope.errorMessage ?? undefined;
  return { ok: false, code, message };
}
