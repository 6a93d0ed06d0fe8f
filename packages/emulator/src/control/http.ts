/**
 * @module
 * JSON helpers of the control API: bodies validated with zod (400 naming the field), engine errors mapped to
 * HTTP statuses, and the bearer-token check.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { EmulatorError, type EmulatorErrorCode } from '../errors.js';
import { readBodyText } from '../http/body.js';
import { parseOrThrow } from '../validate.js';

export interface ControlErrorBody {
  error: { code: string; message: string; field?: string };
}

/** The one table of control API statuses: every refusal, the engine's or a provider's, is one of these kinds. */
export const CONTROL_ERROR_STATUS = {
  invalid: 400,
  not_found: 404,
  conflict: 409,
  too_large: 413,
} as const;

export type ControlErrorKind = keyof typeof CONTROL_ERROR_STATUS;

/** The kind of each engine error a control call can meet; any other is an internal error (500). */
const ENGINE_ERROR_KIND: Partial<Record<EmulatorErrorCode, ControlErrorKind>> = {
  INVALID_ARGUMENT: 'invalid',
  NO_WEBHOOK_URL: 'invalid',
  UNKNOWN_ACCOUNT: 'not_found',
  UNKNOWN_DELIVERY: 'not_found',
  UNKNOWN_FAULT: 'not_found',
  NOT_FOUND: 'not_found',
  ACCOUNT_EXISTS: 'conflict',
  BODY_TOO_LARGE: 'too_large',
};

/** A control refusal, `{ error: { code, message, field? } }`, with its kind's status (500 without one). */
export function controlRefusal(
  c: Context,
  kind: ControlErrorKind | undefined,
  error: ControlErrorBody['error'],
): Response {
  const body: ControlErrorBody = { error };
  return c.json(body, kind ? CONTROL_ERROR_STATUS[kind] : 500);
}

export function controlError(c: Context, err: unknown): Response {
  if (err instanceof EmulatorError) {
    return controlRefusal(c, ENGINE_ERROR_KIND[err.code], {
      code: err.code,
      message: err.message,
      ...(err.field ? { field: err.field } : {}),
    });
  }
  return c.json({ error: { code: 'INTERNAL', message: 'internal error in the control API' } }, 500);
}

/**
 * Reads every control request's body once, refusing one over `limit` bytes before it is kept (413); the text is
 * handed on as `c.var.rawBody`, as on provider requests.
 */
export function bodyLimit(limit: number): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const text = await readBodyText(c, limit);
    if (text === undefined) {
      throw new EmulatorError('BODY_TOO_LARGE', `body: larger than ${limit} bytes`, { field: 'body' });
    }
    c.set('rawBody', text);
    return next();
  };
}

/** Parses the JSON body with `schema`; throws INVALID_ARGUMENT (→ 400) naming the field. */
export async function readJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.output<T>> {
  const read: unknown = c.get('rawBody');
  const text = typeof read === 'string' ? read : await c.req.text();
  let value: unknown;
  try {
    value = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new EmulatorError('INVALID_ARGUMENT', 'body: not valid JSON', { field: 'body' });
  }
  return parseOrThrow(schema, value);
}

export function readQuery<T extends z.ZodType>(c: Context, schema: T): z.output<T> {
  return parseOrThrow(schema, c.req.query());
}

/** Shortest control token accepted: a guessable token is no protection. */
export const MIN_CONTROL_TOKEN_LENGTH = 16;

/** Why `token` cannot be a control token, or undefined when it can. */
export function controlTokenProblem(token: string): string | undefined {
  if (token.trim().length < MIN_CONTROL_TOKEN_LENGTH || /\s/.test(token)) {
    return `must be at least ${MIN_CONTROL_TOKEN_LENGTH} characters without spaces`;
  }
  return undefined;
}

/** Requires `Authorization: Bearer <token>` when a token is configured. */
export function bearerToken(token: string | undefined): MiddlewareHandler {
  const expected = token ? digest(token) : undefined;
  return async (c, next) => {
    if (!expected) return next();
    const header = c.req.header('authorization') ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (!given || !timingSafeEqual(digest(given), expected)) {
      return c.json(
        {
          error: {
            code: 'UNAUTHORIZED',
            message: 'the control API needs Authorization: Bearer <control token>',
          },
        },
        401,
      );
    }
    return next();
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
