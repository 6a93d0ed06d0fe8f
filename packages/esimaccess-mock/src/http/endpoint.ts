/**
 * The steps every eSIM Access endpoint shares after authentication: POST only (000103), a JSON body (000104) read as
 * leniently as the live API unless `behaviour.strictInput` (lenient.ts), the body validated by core's request schema
 * with core's issue -> code mapper (000105/000106/000107/200008...), then the endpoint's operation, answered in the
 * envelope.
 * @module
 */
import {
  type EsimAccessEndpointName,
  esimAccessEndpoints,
  validateEsimAccessRequest,
} from '@esim-sandbox/core';
import type { ProviderEnv } from '@esim-sandbox/emulator';
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { type EsimAccessBehaviour, fail, type OpResult, type ProfileLinks } from '../ops/context.js';
import type { EsimAccessAccountParams } from '../runtime/options.js';
import { type EsimAccessRuntime, type EsimAccessTenant, linksForRequest } from '../runtime/runtime.js';
import type { EsimAccessAccountState } from '../state/types.js';
import { type SerializedSuccess, sendFailure, sendResult } from './envelope.js';
import { dropBlankOptionals, isAcceptedEmptyBody } from './lenient.js';

export type EsimAccessApp = Hono<ProviderEnv<EsimAccessAccountState, EsimAccessAccountParams>>;

export type RequestOf<N extends EsimAccessEndpointName> = z.output<
  (typeof esimAccessEndpoints)[N]['request']
>;

export interface EndpointCall<N extends EsimAccessEndpointName> {
  readonly c: Context;
  readonly rt: EsimAccessRuntime;
  readonly tenant: EsimAccessTenant;
  readonly body: RequestOf<N>;
  readonly links: ProfileLinks;
}

export type EndpointHandler<N extends EsimAccessEndpointName> = (
  call: EndpointCall<N>,
) => OpResult<unknown> | SerializedSuccess | Promise<OpResult<unknown>>;

export function parseJsonBody(raw: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false };
  }
}

/** The body as the endpoint's validation sees it; see lenient.ts for what strictInput turns off. */
function readBody(
  behaviour: EsimAccessBehaviour,
  request: z.ZodType,
  raw: string,
): { ok: true; value: unknown } | { ok: false } {
  if (behaviour.strictInput) return parseJsonBody(raw);
  if (isAcceptedEmptyBody(request, raw)) return { ok: true, value: {} };
  const parsed = parseJsonBody(raw);
  return parsed.ok ? { ok: true, value: dropBlankOptionals(request, parsed.value) } : parsed;
}

export function registerEndpoint<N extends EsimAccessEndpointName>(
  app: EsimAccessApp,
  rt: EsimAccessRuntime,
  name: N,
  handler: EndpointHandler<N>,
): void {
  const { path, request } = esimAccessEndpoints[name];
  // Not async: most handlers answer synchronously, and awaiting a plain value still costs a microtask turn.
  app.all(path, (c): Response | Promise<Response> => {
    const envelope = rt.envelope;
    if (c.req.method !== 'POST') {
      return sendFailure(
        c,
        envelope,
        fail('000103', `Unsupported HTTP method: ${c.req.method} (every endpoint is POST)`).error,
      );
    }
    // The docs ask for `{}` when there are no parameters; an empty body is not JSON, but live takes it as `{}`.
    const parsed = readBody(rt.behaviour, request, c.get('rawBody'));
    if (!parsed.ok)
      return sendFailure(c, envelope, fail('000104', 'Invalid JSON: the body must be a JSON object').error);
    const validation = validateEsimAccessRequest(name, parsed.value);
    if (!validation.success) return sendFailure(c, envelope, validation.error);
    const result = handler({
      c,
      rt,
      tenant: c.get('tenant'),
      body: validation.data as RequestOf<N>,
      links: linksForRequest(rt, c.req.url),
    });
    return result instanceof Promise
      ? result.then((settled) => sendResult(c, envelope, settled))
      : sendResult(c, envelope, result);
  });
}
