/**
 * Turns an iRoamly HTTP answer into a typed value or a typed error. Kept apart from the client so the error
 * mapping (code table → error class) is one small, testable function.
 * @module
 */
import type { z } from 'zod';
import {
  AuthenticationError,
  type IroamlyErrorCode,
  ProviderError,
  ResponseValidationError,
} from '../errors.js';
import type { TransportResponse } from '../http/transport.js';
import { parseResponse } from '../http/validate.js';
import { IroamlyCode, iroamlyCodeInfo } from './codes.js';
import {
  type IroamlyPlan,
  iroamlyEnvelopeSchema,
  iroamlyPlanListResponseSchema,
} from './schemas/responses.js';

export interface IroamlyErrorContext {
  httpStatus?: number | undefined;
  raw?: unknown;
}

/** The typed error for a non-success `{code, msg}`: code 2 is an AuthenticationError, retryable per the table. */
export function iroamlyErrorFromCode(
  code: number,
  msg: string,
  context: IroamlyErrorContext = {},
): ProviderError {
  const info = iroamlyCodeInfo(code);
  const init = {
    provider: 'iroamly' as const,
    // A code the spec does not list is passed on as sent (see ProviderErrorCode).
    code: String(code) as IroamlyErrorCode,
    message: msg || info?.meaning || 'unknown error',
    // A code the spec does not list: we cannot know it is transient, so we do not claim it is.
    retryable: info?.retryable ?? false,
    httpStatus: context.httpStatus,
    raw: context.raw,
  };
  return code === IroamlyCode.AUTHENTICATION_FAILED ? new AuthenticationError(init) : new ProviderError(init);
}

/** True when a safe request should be sent again: throttling, a server error, or the provider's -1. */
export function isIroamlyRetryable(response: TransportResponse): boolean {
  if (response.status === 429 || response.status >= 500) return true;
  const envelope = iroamlyEnvelopeSchema.safeParse(response.json);
  return envelope.success && envelope.data.code === IroamlyCode.REQUEST_FAILED;
}

function httpError(response: TransportResponse): ProviderError {
  const init = {
    provider: 'iroamly' as const,
    code: `HTTP_${response.status}` as const,
    message: `HTTP ${response.status}${response.text ? `: ${response.text.slice(0, 200)}` : ''}`,
    retryable: response.status === 429 || response.status >= 500,
    httpStatus: response.status,
    raw: response.json ?? response.text,
  };
  return response.status === 401 || response.status === 403
    ? new AuthenticationError(init)
    : new ProviderError(init);
}

function notJson(response: TransportResponse, context: string): ResponseValidationError {
  return new ResponseValidationError([{ path: '', message: 'body is not JSON' }], response.text, context);
}

/**
 * Decodes an openapi answer: the envelope's `code` decides success or a typed error (even inside an HTTP
 * error status, if the body carries one), then the success body is validated against `schema`.
 */
export function decodeIroamlyEnvelope<S extends z.ZodType>(
  response: TransportResponse,
  schema: S,
  context: string,
): z.output<S> {
  const envelope = iroamlyEnvelopeSchema.safeParse(response.json);
  if (envelope.success && envelope.data.code !== IroamlyCode.SUCCESS) {
    throw iroamlyErrorFromCode(envelope.data.code, envelope.data.msg, {
      httpStatus: response.status,
      raw: response.json,
    });
  }
  if (response.status < 200 || response.status >= 300) throw httpError(response);
  if (response.json === undefined) throw notJson(response, context);
  return parseResponse(schema, response.json, context);
}

/**
 * Decodes the bare-array plan list. NOTES section 2: an unknown region answers HTTP 404 or `[]`; both mean
 * "no plans here", so both decode to an empty list rather than an error.
 */
export function decodeIroamlyPlanList(response: TransportResponse, context: string): IroamlyPlan[] {
  if (response.status === 404) return [];
  if (response.status < 200 || response.status >= 300) throw httpError(response);
  if (response.json === undefined) throw notJson(response, context);
  return parseResponse(iroamlyPlanListResponseSchema, response.json, context);
}
