/**
 * @module
 * The helpers that turn an operation's result into the provider's HTTP answer: the success body as given, or
 * `{code, msg}` with the configured HTTP status.
 */
import { answer } from '@esim-sandbox/emulator';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { IroamlyRuntime } from '../runtime/runtime.js';
import type { IroamlyFailure, OpResult } from '../state/result.js';

/** A non-success answer with the configured HTTP status (200 by default). */
export function sendFailure(c: Context, rt: IroamlyRuntime, failure: IroamlyFailure): Response {
  return answer(c, rt.http.errorStatus as ContentfulStatusCode, failure);
}

/** A result as the provider answers it: the success body as given, or `{code, msg}`. */
export function sendResult<T extends { code: 1 }>(
  c: Context,
  rt: IroamlyRuntime,
  result: OpResult<T>,
): Response {
  return result.ok ? answer(c, 200, result.obj) : sendFailure(c, rt, result.error);
}
