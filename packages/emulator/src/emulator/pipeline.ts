/**
 * @module
 * The provider request pipeline, in one middleware so its order is visible:
 * read body → authenticate (provider) → faults → rate limit → provider route → journal → persist.
 * Faults run before the rate limit so "the next N requests fail" is never eaten by throttling, and faulted
 * requests do not count against the window.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { FaultDecision } from '../faults/faults.js';
import type { Redactor } from '../journal/redact.js';
import type { Tenant } from '../tenants/tenant.js';
import type { ProviderDefinition, ProviderEnv } from './types.js';

/** A dropped connection travels through Hono as this marker; Emulator.fetch turns it into a network error. */
export const DROP_HEADER = 'x-esim-sandbox-drop';

export function dropMarker(): Response {
  return new Response(null, { status: 599, headers: { [DROP_HEADER]: '1' } });
}

export function isDropMarker(res: Response): boolean {
  return res.headers.get(DROP_HEADER) === '1';
}

export interface PipelineDeps<S, P> {
  provider: ProviderDefinition<S, P>;
  redactor: Redactor;
  realNow(): number;
  sleep(ms: number): Promise<void>;
  findByKey(key: string): Tenant<S, P> | undefined;
  defaultAccount(): Tenant<S, P>;
  markDirty(): void;
  persist(): Promise<void>;
}

export function createProviderApp<S, P>(deps: PipelineDeps<S, P>): Hono<ProviderEnv<S, P>> {
  const { provider } = deps;
  const app = new Hono<ProviderEnv<S, P>>();
  const isRead = provider.isRead ?? ((method: string) => method === 'GET' || method === 'HEAD');

  app.use('*', async (c, next) => {
    const started = deps.realNow();
    const method = c.req.method;
    const path = c.req.path;
    const rawBody = method === 'GET' || method === 'HEAD' ? '' : await c.req.text();
    c.set('rawBody', rawBody);

    const auth = await provider.authenticate(c, deps.findByKey);
    const tenant = auth.tenant;
    const at = (tenant ?? deps.defaultAccount()).clock.now();
    let res: Response;
    let routed = false;
    let decision: FaultDecision = { latencyMs: 0 };
    let rateLimited = false;
    if ('error' in auth) {
      res = auth.error;
    } else {
      c.set('tenant', auth.tenant);
      decision = auth.tenant.faults.decide(method, path);
      if (decision.latencyMs > 0) await deps.sleep(decision.latencyMs);
      if (decision.terminal) {
        res = await renderFault(c, provider, decision.terminal.action);
      } else if (!auth.tenant.rateLimit.tryAcquire()) {
        rateLimited = true;
        res = await provider.renderRateLimited(c, auth.tenant.rateLimit.retryAfterMs());
      } else {
        await next();
        routed = true;
        res = c.res;
      }
    }

    const dropped = isDropMarker(res);
    const responseText = dropped ? '' : await bodyText(res);
    const parsed = parseJson(responseText);
    const providerCode = dropped ? undefined : provider.responseCode?.(parsed, res.status);
    const faultId = decision.terminal?.ruleId ?? decision.latencyRuleId;
    (tenant ?? deps.defaultAccount()).journal.record({
      at,
      method,
      path,
      query: new URL(c.req.url).search.replace(/^\?/, ''),
      status: dropped ? 0 : res.status,
      ...(providerCode === undefined ? {} : { providerCode }),
      latencyMs: deps.realNow() - started,
      requestHeaders: deps.redactor.headers(c.req.raw.headers),
      requestBody: deps.redactor.text(rawBody),
      responseBody: parsed === undefined ? responseText || null : deps.redactor.body(parsed),
      ...(faultId === undefined ? {} : { faultId }),
      ...(rateLimited ? { rateLimited } : {}),
      authenticated: !('error' in auth),
    });

    if (tenant && routed) {
      if (isRead(method, path)) tenant.webhooks.releasePollHeld();
      else deps.markDirty();
    }
    // Persist before the response leaves, so an acknowledged write survives a SIGKILL.
    await deps.persist();
    return routed ? undefined : res;
  });

  provider.routes(app);
  return app;
}

async function renderFault<S, P>(
  c: Context,
  provider: ProviderDefinition<S, P>,
  action: NonNullable<FaultDecision['terminal']>['action'],
): Promise<Response> {
  switch (action.type) {
    case 'error':
      return provider.renderError(action.code, c);
    case 'drop':
      return dropMarker();
    case 'http': {
      const body = action.body === undefined ? null : JSON.stringify(action.body);
      const headers = { ...(body === null ? {} : { 'content-type': 'application/json' }), ...action.headers };
      return new Response(body, { status: action.status, headers });
    }
  }
}

async function bodyText(res: Response): Promise<string> {
  const type = res.headers.get('content-type') ?? '';
  if (res.body === null) return '';
  if (type && !/json|text|xml|html|form/.test(type)) return `[${type}]`;
  try {
    return await res.clone().text();
  } catch {
    return '';
  }
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
