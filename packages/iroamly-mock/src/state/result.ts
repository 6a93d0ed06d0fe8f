/**
 * @module
 * What a domain operation returns: a value, or the provider's `{code, msg}` answer. The message starts with the
 * spec's own wording for the code (from core's table) and adds what was wrong.
 */
import { iroamlyCodeInfo, toIroamlyParameterError } from '@esim-sandbox/core';

/** A non-success answer exactly as the provider sends it. */
export interface IroamlyFailure {
  code: number;
  msg: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; failure: IroamlyFailure };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/**
 * The answer for `code`: the spec's wording, then what was wrong.
 * @example failure(IroamlyCode.PRODUCT_NOT_FOUND, 'zzz') // {code: 4, msg: 'Product code does not exist: zzz'}
 */
export function failure(code: number, detail?: string): IroamlyFailure {
  const meaning = iroamlyCodeInfo(code)?.meaning ?? 'Request failed';
  return { code, msg: detail ? `${meaning}: ${detail}` : meaning };
}

export function fail<T = never>(code: number, detail?: string): Result<T> {
  return { ok: false, failure: failure(code, detail) };
}

/**
 * A code-3 answer for a problem found outside a schema (unparsable JSON, wrong method), worded by core's one
 * mapper so it reads exactly like a schema failure: `body: not valid JSON`.
 */
export function parameterFailure(field: string, message: string): IroamlyFailure {
  return toIroamlyParameterError([{ code: 'custom', path: [field], message, input: undefined }]);
}
