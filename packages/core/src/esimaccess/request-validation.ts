/**
 * The one mapper from a request-schema issue to the provider's error code, used by the fake to answer a bad body
 * exactly as the provider would, and by tests to predict that answer.
 *
 * Rules, first match wins (the provider documents the codes but not which check produces which; these follow the
 * code texts):
 * 1. A refinement that tags itself with `params.esimAccessCode` gets that code ("iccid or esimTranNo required",
 *    "endTime required with startTime" -> 000105; more than 30 eSIMs in an order -> 200008).
 * 2. The body itself is not a JSON object -> 000104 (invalid JSON).
 * 3. The field is absent -> 000105 (mandatory params missing).
 * 4. The field is `null` -> 000106 (mandatory param null).
 * 5. A string or list that is too long or too short -> 000107 (invalid param length).
 * 6. Any other malformed value (wrong type, bad format, number out of range, unknown enum value) -> the endpoint's
 *    `malformedValueCode`: 200008 (order parameter error) for esim/order and esim/topup, whose parameters are "order
 *    parameters"; 000105 elsewhere, as the closest documented text ("a usable mandatory parameter is missing").
 * The message names the field path, e.g. `Mandatory params missing: packageInfoList[0].count`.
 * @module
 */
import type { z } from 'zod';
import { formatIssuePath } from '../http/validate.js';
import type { EsimAccessEndpointName } from './endpoints.js';
import { esimAccessEndpoints } from './endpoints.js';
import { type EsimAccessErrorCode, esimAccessErrorCodes, isEsimAccessErrorCode } from './error-codes.js';
import { ESIM_ACCESS_CODE_PARAM } from './schemas/common.js';

export interface EsimAccessRequestError {
  readonly code: EsimAccessErrorCode;
  /** Names the field path; safe to send as the envelope's `errorMsg`. */
  readonly message: string;
  /** Dotted field path (`packageInfoList[0].count`); empty for the body itself. */
  readonly path: string;
}

export interface MapEsimAccessIssueOptions {
  /** The request body that was validated: tells an absent field from a `null` one. */
  readonly input: unknown;
  /** Code for rule 6; defaults to 000105. */
  readonly malformedValueCode?: EsimAccessErrorCode;
}

const ABSENT = Symbol('absent');

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return ABSENT;
    if (!Object.hasOwn(current, key)) return ABSENT;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current === undefined ? ABSENT : current;
}

function taggedCode(issue: z.core.$ZodIssue): EsimAccessErrorCode | undefined {
  if (issue.code !== 'custom') return undefined;
  const tagged: unknown = issue.params?.[ESIM_ACCESS_CODE_PARAM];
  return typeof tagged === 'string' && isEsimAccessErrorCode(tagged) ? tagged : undefined;
}

function codeFor(issue: z.core.$ZodIssue, options: MapEsimAccessIssueOptions): EsimAccessErrorCode {
  const tagged = taggedCode(issue);
  if (tagged) return tagged;
  const isRoot = issue.path.length === 0;
  const isBadBody =
    issue.code === 'invalid_type' &&
    (options.input === null || typeof options.input !== 'object' || Array.isArray(options.input));
  if (isRoot && isBadBody) return '000104';
  const value = valueAt(options.input, issue.path);
  if (value === ABSENT) return '000105';
  if (value === null) return '000106';
  if (
    (issue.code === 'too_big' || issue.code === 'too_small') &&
    (issue.origin === 'string' || issue.origin === 'array')
  ) {
    return '000107';
  }
  return options.malformedValueCode ?? '000105';
}

/** Maps one zod issue of a request schema to the provider's `{ code, message }`. */
export function mapEsimAccessRequestIssue(
  issue: z.core.$ZodIssue,
  options: MapEsimAccessIssueOptions,
): EsimAccessRequestError {
  const code = codeFor(issue, options);
  const path = formatIssuePath(issue.path);
  const where = path === '' ? 'request body' : path;
  return { code, path, message: `${esimAccessErrorCodes[code].meaning}: ${where} (${issue.message})` };
}

export type EsimAccessRequestValidation<T> =
  | { readonly success: true; readonly data: T }
  | {
      readonly success: false;
      readonly error: EsimAccessRequestError;
      readonly issues: readonly z.core.$ZodIssue[];
    };

/**
 * Validates a parsed JSON body against an endpoint's request schema; on failure returns the provider error for the
 * first issue (the provider reports one error per response).
 */
export function validateEsimAccessRequest<Name extends EsimAccessEndpointName>(
  name: Name,
  body: unknown,
): EsimAccessRequestValidation<z.output<(typeof esimAccessEndpoints)[Name]['request']>> {
  const endpoint = esimAccessEndpoints[name];
  const result = endpoint.request.safeParse(body);
  if (result.success) {
    return { success: true, data: result.data as z.output<(typeof esimAccessEndpoints)[Name]['request']> };
  }
  const first = result.error.issues[0];
  // zod never fails without an issue; the fallback only keeps the type honest.
  const error = first
    ? mapEsimAccessRequestIssue(first, { input: body, malformedValueCode: endpoint.malformedValueCode })
    : { code: '000105' as const, path: '', message: esimAccessErrorCodes['000105'].meaning };
  return { success: false, error, issues: result.error.issues };
}
