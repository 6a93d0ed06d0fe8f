/**
 * Receiving eSIM Access webhooks. The provider does not sign them (security is its sender IP allowlist,
 * `ESIM_ACCESS_WEBHOOK_IPS`), so parsing is all there is to check.
 * @module
 */
import { toValidationIssues } from '../http/validate.js';
import { EsimAccessWebhookParseError } from './errors.js';
import { type EsimAccessWebhookPayload, esimAccessWebhookPayloadSchema } from './schemas/webhook-payloads.js';

/** Documented sender addresses of eSIM Access webhooks. */
export const ESIM_ACCESS_WEBHOOK_IPS = [
  '3.1.131.226',
  '54.254.74.88',
  '18.136.190.97',
  '18.136.60.197',
  '18.136.19.137',
] as const;

/**
 * Parses a webhook body (the raw string or bytes, or an already-parsed object) into a payload discriminated by
 * `notifyType`. Throws `EsimAccessWebhookParseError` (code `WEBHOOK_INVALID`, `path` of the first issue) for anything else.
 * Unknown extra fields are dropped.
 */
export function parseEsimAccessWebhook(rawBody: unknown): EsimAccessWebhookPayload {
  let body = rawBody;
  if (rawBody instanceof Uint8Array) body = new TextDecoder().decode(rawBody);
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch (error) {
      throw new EsimAccessWebhookParseError([{ path: '', message: 'body is not valid JSON' }], {
        cause: error,
      });
    }
  }
  const result = esimAccessWebhookPayloadSchema.safeParse(body);
  if (!result.success) throw new EsimAccessWebhookParseError(toValidationIssues(result.error));
  return result.data;
}
