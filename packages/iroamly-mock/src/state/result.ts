/**
 * @module
 * What a domain operation returns: the engine kit's `OpResult`, whose refusal is the provider's `{code, msg}`
 * answer exactly as sent. The message starts with the spec's own wording for the code (from core's table) and adds
 * what was wrong.
 */
import { iroamlyCodeInfo, toIroamlyParameterError } from '@esim-sandbox/core';
import { type OpResult as KitOpResult, refuse } from '@esim-sandbox/emulator';

export { ok } from '@esim-sandbox/emulator';

/** A non-success answer exactly as the provider sends it. */
export interface IroamlyFailure {
  code: number;
  msg: string;
}

export type OpResult<T> = KitOpResult<T, IroamlyFailure>;

/**
 * The answer for `code`: the spec's wording, then what was wrong.
 * @example failure(IroamlyCode.PRODUCT_NOT_FOUND, 'zzz') // {code: 4, msg: 'Product code does not exist: zzz'}
 */
export function failure(code: number, detail?: string): IroamlyFailure {
  const meaning = iroamlyCodeInfo(code)?.meaning ?? 'Request failed';
  return { code, msg: detail ? `${meaning}: ${detail}` : meaning };
}

export function fail(code: number, detail?: string): { readonly ok: false; readonly error: IroamlyFailure } {
  return refuse(failure(code, detail));
}

/**
 * A code-3 answer for a problem found outside a schema (unparsable JSON, wrong method), worded by core's one
 * mapper so it reads exactly like a schema failure: `body: not valid JSON`.
 */
export function parameterFailure(field: string, message: string): IroamlyFailure {
  return toIroamlyParameterError([{ code: 'custom', path: [field], message, input: undefined }]);
}

/** A success's value turned into another (an endpoint's body); a refusal passes through unchanged. */
export function mapOk<A, B>(result: OpResult<A>, to: (value: A) => B): OpResult<B> {
  return result.ok ? { ok: true, obj: to(result.obj) } : result;
}
