/**
 * iRoamly's response-code table as data (spec v1.2 "Response Status Code Definitions"), plus the one mapper
 * from a request-validation failure to the provider's code-3 answer. The client uses the table to type errors;
 * the fake uses it to answer, and uses `toIroamlyParameterError` verbatim for every invalid request.
 * @module
 */
import type { z } from 'zod';
import { formatIssuePath } from '../http/validate.js';

export type IroamlyCodeKind =
  | 'success'
  | 'authentication_failed'
  | 'invalid_parameters'
  | 'product_not_found'
  | 'insufficient_balance'
  | 'redeem_code_unavailable'
  | 'request_failed';

export interface IroamlyCodeInfo {
  readonly code: number;
  readonly kind: IroamlyCodeKind;
  /** The spec's description, word for word: the fake uses it as the default `msg`. */
  readonly meaning: string;
  /** Whether the same request may succeed when sent again unchanged. */
  readonly retryable: boolean;
}

/** Named codes, so callers and the fake never write bare numbers. */
export const IroamlyCode = {
  SUCCESS: 1,
  AUTHENTICATION_FAILED: 2,
  INVALID_PARAMETERS: 3,
  PRODUCT_NOT_FOUND: 4,
  INSUFFICIENT_BALANCE: 5,
  INSUFFICIENT_BALANCE_ALT: 6,
  REDEEM_CODE_UNAVAILABLE: 7,
  REQUEST_FAILED: -1,
} as const;
export type IroamlyCode = (typeof IroamlyCode)[keyof typeof IroamlyCode];

/**
 * Codes 5 and 6 are both "Insufficient balance" in the spec, with nothing to tell them apart. Our decision:
 * 5 means "the balance is below this order's total" and is what the fake sends by default; 6 is kept as an
 * alternative spelling of the same condition (the fake can be configured to send it instead). The client
 * treats both identically: kind `insufficient_balance`, not retryable.
 *
 * -1 "Request failed" is the only retryable code: it reads as a transient server failure. Whether a retry is
 * actually *safe* is a separate question the client answers per endpoint (never for purchases).
 */
export const iroamlyCodes: readonly IroamlyCodeInfo[] = [
  { code: 1, kind: 'success', meaning: 'Success', retryable: false },
  {
    code: 2,
    kind: 'authentication_failed',
    meaning: 'Request parameter authentication failed',
    retryable: false,
  },
  { code: 3, kind: 'invalid_parameters', meaning: 'Parameters not filled as required', retryable: false },
  { code: 4, kind: 'product_not_found', meaning: 'Product code does not exist', retryable: false },
  { code: 5, kind: 'insufficient_balance', meaning: 'Insufficient balance', retryable: false },
  { code: 6, kind: 'insufficient_balance', meaning: 'Insufficient balance', retryable: false },
  {
    code: 7,
    kind: 'redeem_code_unavailable',
    meaning: 'Redeem code has been redeemed or does not exist',
    retryable: false,
  },
  { code: -1, kind: 'request_failed', meaning: 'Request failed', retryable: true },
];

const byCode = new Map(iroamlyCodes.map((info) => [info.code, info]));

/** The table row for a code, or undefined for a code the spec does not list. */
export function iroamlyCodeInfo(code: number): IroamlyCodeInfo | undefined {
  return byCode.get(code);
}

export interface IroamlyParameterError {
  code: typeof IroamlyCode.INVALID_PARAMETERS;
  msg: string;
}

/**
 * The provider's answer to a request that fails schema validation: `{code: 3, msg}`, where msg names the field
 * path of the first issue (`productList[0].quantity: quantity must be at least 1`). The real server's wording is
 * unknown; this is ours, used by the fake for every invalid body so the wording is the same everywhere.
 */
export function toIroamlyParameterError(issues: readonly z.core.$ZodIssue[]): IroamlyParameterError {
  const issue = issues[0];
  if (!issue) return { code: IroamlyCode.INVALID_PARAMETERS, msg: 'Parameters not filled as required' };
  const path = formatIssuePath(issue.path);
  return { code: IroamlyCode.INVALID_PARAMETERS, msg: `${path || 'body'}: ${issue.message}` };
}
