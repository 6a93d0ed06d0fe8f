/**
 * @module
 * What every route and the control routes share: the mock's runtime (catalogue, behaviour, the HTTP switches) and
 * the helpers that turn an operation's result into the provider's HTTP answer.
 */
import { parseArguments } from '@esim-sandbox/core';
import { answer } from '@esim-sandbox/emulator';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import type { OpsConfig } from '../ops/context.js';
import type { IroamlyFailure, OpResult } from '../state/result.js';

const httpSchema = z.strictObject({
  /** HTTP status of every `{code != 1}` answer. The spec shows none; an envelope API most likely says 200. */
  errorStatus: z.number().int().min(200).max(599).default(200),
  /** getPlanItem for a region that matches nothing: HTTP 404 (with a code-3 body) or `[]` (NOTES §2: both seen). */
  unknownRegion: z.union([z.literal(404), z.literal('empty')]).default(404),
  /** Also accept GET on the openapi endpoints, parameters in the query string ("GET / POST" in the spec). */
  allowGet: z.boolean().default(true),
  /** Base of the QR image URLs when the request's own origin is not what clients should use (a proxy). */
  publicBaseUrl: z.url().optional(),
});

export type IroamlyHttpOptions = z.input<typeof httpSchema>;
export type IroamlyHttp = z.output<typeof httpSchema>;

export function resolveHttp(options: IroamlyHttpOptions = {}): IroamlyHttp {
  return parseArguments(httpSchema, options, 'http');
}

export interface IroamlyRuntime extends OpsConfig {
  readonly http: IroamlyHttp;
}

/** The base of links the mock hands out: the configured public URL, else the origin the request came to. */
export function publicBase(c: Context, rt: IroamlyRuntime): string {
  return rt.http.publicBaseUrl ?? new URL(c.req.url).origin;
}

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
