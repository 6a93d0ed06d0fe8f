/**
 * @module
 * The provider request pipeline, in one middleware so its order is visible:
 * read body → authenticate (provider) → faults → chaos → rate limit → provider route → journal → persist.
 * Faults (manual rules, then seeded chaos) run before the rate limit so "the next N requests fail" is never eaten by throttling, and faulted
 * requests do not count against the window.
 */

import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ApiChaos } from '../chaos/chaos.js';
import type { FaultDecision } from '../faults/faults.js';
import {
  answer,
  directTarget,
  LARGE_ANSWER_CHARS,
  notedText,
  readAndRebuild,
  writeNoted,
} from '../http/answer.js';
import { readBodyText } from '../http/body.js';
import { type ConnectionInfo, journalHeaders, RequestHeaders } from '../http/connection.js';
import type { RequestLogEntry } from '../http/request-log.js';
import { type Exchange, exchangeProviderCode } from '../journal/entry.js';
import type { Redactor } from '../journal/redact.js';
import type { AccountLookup, ProviderDefinition, ProviderEnv } from '../types/provider.js';

/** A dropped connection travels through Hono as this marker; Emulator.fetch turns it into a network error. */
export const DROP_HEADER = 'x-esim-sandbox-drop';

export function dropMarker(): Response {
  return new Response(null, { status: 599, headers: { [DROP_HEADER]: '1' } });
}

export function isDropMarker(res: Response): boolean {
  return res.status === 599 && res.headers.get(DROP_HEADER) === '1';
}

const NO_FAULT: FaultDecision = Object.freeze({ latencyMs: 0 });

export interface PipelineDeps<S, P> {
  provider: ProviderDefinition<S, P>;
  redactor: Redactor;
  realNow(): number;
  sleep(ms: number): Promise<void>;
  accounts: AccountLookup<S, P>;
  markDirty(): void;
  /** Largest provider request body, in bytes. */
  maxBodyBytes: number;
  /** Without a state file there is nothing to persist: the pipeline then skips the call (and its await). */
  hasStateFile: boolean;
  /** Saves; on failure everything since the last save is undone and this rejects. */
  persist(epoch?: number): Promise<void>;
  /** Taken before the route runs, handed to `persist` (see the saver's epoch). */
  saveEpoch(): number;
  /** Told of every provider request once answered (the CLI's request log). */
  requestLog?: ((entry: RequestLogEntry) => void) | undefined;
}

export function createProviderApp<S, P>(deps: PipelineDeps<S, P>): Hono<ProviderEnv<S, P>> {
  const { provider, redactor, accounts } = deps;
  const lookup = (key: string) => accounts.findAccount(key);
  const app = new Hono<ProviderEnv<S, P>>();
  const isRead = provider.isRead ?? ((method: string) => method === 'GET' || method === 'HEAD');

  app.use('*', async (c, next) => {
    const started = deps.realNow();
    const method = c.req.method;
    const path = c.req.path;
    c.set('headers', new RequestHeaders(c));
    // Over the engine's own server a noted answer is written to Node's response here (HEAD: Hono's own answer).
    const outgoing = directTarget(c);
    const body = method === 'GET' || method === 'HEAD' ? '' : await readBodyText(c, deps.maxBodyBytes);
    const rawBody = body ?? '';
    c.set('rawBody', rawBody);

    // An oversized body is refused before authentication (which may need the whole body for a signature).
    // Providers authenticate synchronously: awaiting a plain value would still cost a turn of the microtask queue.
    const authenticating =
      body === undefined
        ? { error: await tooLarge(c, provider, deps.maxBodyBytes) }
        : provider.authenticate(c, lookup, accounts);
    const auth = authenticating instanceof Promise ? await authenticating : authenticating;
    const tenant = auth.tenant;
    const journaled = tenant ?? accounts.account();
    const at = journaled.clock.now();
    let res: Response;
    let routed = false;
    let decision: FaultDecision = NO_FAULT;
    let chaos: ApiChaos | undefined;
    let rateLimited = false;
    if ('error' in auth) {
      res = auth.error;
    } else {
      c.set('tenant', auth.tenant);
      decision = auth.tenant.faults.decide(method, path);
      // Manual rules first: chaos acts only on a request none of them ended.
      chaos = auth.tenant.chaos.request(method, path, !isRead(method, path), decision.terminal !== undefined);
      const latencyMs = decision.latencyMs + (chaos?.latencyMs ?? 0);
      if (latencyMs > 0) await deps.sleep(latencyMs);
      if (decision.terminal) {
        res = await renderFault(c, provider, decision.terminal.action);
      } else if (chaos && chaos.rule !== 'latency' && chaos.rule !== 'timeoutAfterWrite') {
        res = await renderChaos(c, provider, chaos);
      } else if (!auth.tenant.rateLimit.tryAcquire()) {
        rateLimited = true;
        res = await provider.renderRateLimited(c, auth.tenant.rateLimit.retryAfterMs());
      } else {
        const epoch = deps.saveEpoch();
        await next();
        routed = true;
        res = c.res;
        if (deps.hasStateFile && !isRead(method, path)) {
          deps.markDirty();
          // Saved before the answer leaves, so an acknowledged write survives a SIGKILL, and a failed save is
          // answered as the provider's server error with the change undone.
          const failed = await deps.persist(epoch).then(
            () => false,
            () => true,
          );
          if (failed) {
            res = await serverError(c, provider);
            c.res = res;
          }
        }
        // The write is made (and saved): only the answer is lost, as when a client times out after the write.
        if (chaos?.rule === 'timeoutAfterWrite') {
          res = dropMarker();
          c.res = res;
        }
      }
    }

    const dropped = isDropMarker(res);
    let responseText = '';
    let direct = false;
    if (!dropped) {
      const known = notedText(c, res);
      if (known !== undefined) {
        responseText = known;
        direct = outgoing !== undefined && res.body === null;
      } else {
        const taken = await readAndRebuild(res);
        responseText = taken.text;
        // A rebuilt copy (the answer's stream was read for the journal) goes out in the route's place.
        if (routed && taken.res !== res) c.res = taken.res;
        res = taken.res;
      }
    }
    const bytes = direct && responseText.length >= LARGE_ANSWER_CHARS ? Buffer.from(responseText) : undefined;
    const exchange: Exchange = {
      at,
      method,
      path,
      query: queryOf(c.req.url),
      status: dropped ? 0 : res.status,
      latencyMs: deps.realNow() - started,
      headers: journalHeaders(c),
      requestText: body ?? `[body over ${deps.maxBodyBytes} bytes: not read]`,
      responseText,
      responseBytes: bytes,
      dropped,
      faultId: decision.terminal?.ruleId ?? decision.latencyRuleId,
      chaos: chaos?.mark,
      rateLimited,
      authenticated: !('error' in auth),
      redactor,
      responseCode: provider.responseCode,
    };
    // Before the journal, which may cut the answer's text to its per-body limit.
    deps.requestLog?.({
      time: deps.realNow(),
      method,
      path,
      status: exchange.status,
      providerCode: exchangeProviderCode(exchange),
      ms: exchange.latencyMs,
      account: exchange.authenticated ? journaled.id : undefined,
    });
    journaled.journal.record(exchange);

    if (tenant && routed) {
      if (isRead(method, path)) tenant.webhooks.releasePollHeld();
      else deps.markDirty();
    }
    // Engine changes of other requests (faults consumed, a throttled or refused request) are saved too.
    if (deps.hasStateFile) await deps.persist().catch(() => {});
    if (!direct) return routed ? undefined : res;
    writeNoted(outgoing!, res, responseText, bytes);
    // Tells @hono/node-server the answer is out (it writes nothing for it).
    if (!routed) return RESPONSE_ALREADY_SENT;
    c.res = RESPONSE_ALREADY_SENT;
    return undefined;
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

/** Chaos's answer: the provider's busy or server error code, a load balancer's 5xx, throttling, or a drop. */
async function renderChaos<S, P>(
  c: Context,
  provider: ProviderDefinition<S, P>,
  chaos: ApiChaos,
): Promise<Response> {
  if (chaos.rule === 'drop') return dropMarker();
  if (chaos.rule === 'rateLimitBurst') return provider.renderRateLimited(c, CHAOS_RETRY_AFTER_MS);
  if (chaos.status !== undefined) {
    const text = `<html><body><h1>${chaos.status} ${LOAD_BALANCER_TEXT[chaos.status] ?? 'Error'}</h1></body></html>`;
    return new Response(text, { status: chaos.status, headers: { 'content-type': 'text/html' } });
  }
  return chaos.code === undefined ? serverError(c, provider) : provider.renderError(chaos.code, c);
}

const CHAOS_RETRY_AFTER_MS = 1_000;
const LOAD_BALANCER_TEXT: Record<number, string> = {
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/** The provider's server error (as for a route that throws). */
async function serverError<S, P>(c: Context, provider: ProviderDefinition<S, P>): Promise<Response> {
  return (await provider.renderServerError?.(c)) ?? answer(c, 500, { error: 'internal server error' });
}

/** The provider's answer for a body over the limit (default HTTP 413 JSON). */
async function tooLarge<S, P>(
  c: Context,
  provider: ProviderDefinition<S, P>,
  limit: number,
): Promise<Response> {
  return (
    (await provider.renderBodyTooLarge?.(c, limit)) ??
    answer(c, 413, { error: `request body larger than ${limit} bytes` })
  );
}

/** The raw query string without '?' (the URL is already normalised by the Request that carries it). */
function queryOf(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return '';
  const hash = url.indexOf('#', q);
  return url.slice(q + 1, hash < 0 ? undefined : hash);
}
