/**
 * Request authentication, checks in this order (each answers with the provider's code in an HTTP 200 envelope):
 * 000101 a mandatory header is missing · 000102 a header is malformed · unknown RT-AccessCode (configurable code,
 * default 401001) · 101002 the client address is not allowlisted · 101001 RT-Timestamp outside the window of
 * `auth.timestampClock`, or an RT-RequestID already used · 101003 RT-Signature does not match.
 * Which requests carry a signature to check is `auth.signature` (see fidelity.ts).
 * An RT-RequestID is used up only when its request reaches a route: one refused by an injected fault or by the
 * rate limiter (both run after auth) was not executed, so the identical request may be sent again.
 * Core does the signing maths (`verifyEsimAccessSignature`, `isEsimAccessTimestampFresh`); this file only decides.
 * @module
 */
import {
  ESIM_ACCESS_HEADERS,
  type EsimAccessErrorCode,
  isEsimAccessTimestampFresh,
  parseEsimAccessTimestamp,
  verifyEsimAccessSignature,
} from '@esim-sandbox/core';
import { type AuthResult, clientAddress, type ProviderEnv } from '@esim-sandbox/emulator';
import type { Context, MiddlewareHandler } from 'hono';
import { fail } from '../ops/context.js';
import { checkAuth, type EsimAccessAccountParams, type EsimAccessAuthOptions } from '../runtime/options.js';
import type { EsimAccessRuntime, EsimAccessTenant } from '../runtime/runtime.js';
import type { EsimAccessAccountState } from '../state/types.js';
import { sendFailure } from './envelope.js';

type Auth = AuthResult<EsimAccessAccountState, EsimAccessAccountParams>;
type Env = ProviderEnv<EsimAccessAccountState, EsimAccessAccountParams>;
type Ctx = Context<Env>;

const REQUEST_ID = /^[A-Za-z0-9-]{1,64}$/;
const SIGNATURE = /^[0-9a-fA-F]{64}$/;

/**
 * The client's address: `X-Forwarded-For` first (as the provider sees callers through its load balancer, and so
 * tests on loopback can act as another IP), else the socket's (the engine's; loopback in-process and in msw mode).
 */
function callerAddress(c: Ctx): string {
  const forwarded = c.get('headers').get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || clientAddress(c);
}

/** The time RT-Timestamp is checked against, and RT-RequestIDs are remembered on. */
function authNow(rt: EsimAccessRuntime, tenant: EsimAccessTenant): number {
  // Read at check time, never captured: a test runner's fake timers replace Date after the mock is created.
  return rt.auth.timestampClock === 'virtual' ? tenant.clock.now() : Date.now();
}

/** Whether `requestId` is still unused by `tenant`; `use` then marks it used. */
function requestIdFree(
  rt: EsimAccessRuntime,
  tenant: EsimAccessTenant,
  requestId: string,
  use: boolean,
): boolean {
  let seen = rt.requestIds.get(tenant.id);
  if (!seen) {
    seen = new Map();
    rt.requestIds.set(tenant.id, seen);
  }
  const now = authNow(rt, tenant);
  // Ids older than the window can never be replayed successfully (their timestamp fails first): forget them. A Map
  // iterates in insertion order, i.e. oldest first, so the sweep stops at the first id still inside the window
  // (a full sweep per request made every request cost O(ids seen in the last 10 minutes)).
  for (const [id, at] of seen) {
    if (now - at <= rt.auth.timestampWindowMs) break;
    seen.delete(id);
  }
  if (seen.has(requestId)) return false;
  if (use) seen.set(requestId, now);
  return true;
}

/** Requests that passed auth with an RT-RequestID still to be used up once they reach a route. */
const unclaimed = new WeakMap<Ctx, { tenant: EsimAccessTenant; requestId: string }>();

function alreadyUsed(requestId: string): string {
  return `${ESIM_ACCESS_HEADERS.requestId} ${requestId} was already used`;
}

/**
 * The first middleware of the provider routes: uses up the RT-RequestID of a request that is about to run. Checked
 * again here because two requests with one id can both pass auth while a latency fault holds them.
 */
export function claimRequestId(rt: EsimAccessRuntime): MiddlewareHandler<Env> {
  // Not async: nothing runs after the route, and an async wrapper costs a frame and a microtask turn per request.
  return (c, next) => {
    const pending = unclaimed.get(c);
    if (pending) {
      unclaimed.delete(c);
      if (!requestIdFree(rt, pending.tenant, pending.requestId, true)) {
        return Promise.resolve(
          sendFailure(c, rt.envelope, fail('101001', alreadyUsed(pending.requestId)).error),
        );
      }
    }
    return next();
  };
}

/**
 * Changes auth settings at run time (control route and handle). RT-RequestIDs remembered on one time base mean
 * nothing on another, so a change of `timestampClock` forgets them.
 */
export function setAuth(rt: EsimAccessRuntime, patch: Partial<EsimAccessAuthOptions>): EsimAccessAuthOptions {
  const next = checkAuth({ ...rt.auth, ...patch });
  if (next.timestampClock !== rt.auth.timestampClock) rt.requestIds.clear();
  rt.auth = next;
  return next;
}

interface Refusal {
  refuse: EsimAccessErrorCode;
  message: string;
  tenant?: EsimAccessTenant | undefined;
}

function refuse(code: EsimAccessErrorCode, message: string, tenant?: EsimAccessTenant): Refusal {
  return { refuse: code, message, tenant };
}

export function authenticate(
  c: Ctx,
  lookup: (key: string) => EsimAccessTenant | undefined,
  rt: EsimAccessRuntime,
): Auth {
  const checked = check(c, lookup, rt);
  if (!('refuse' in checked)) return checked;
  const error = sendFailure(c, rt.envelope, fail(checked.refuse, checked.message).error);
  return checked.tenant ? { error, tenant: checked.tenant } : { error };
}

function check(
  c: Ctx,
  lookup: (key: string) => EsimAccessTenant | undefined,
  rt: EsimAccessRuntime,
): { tenant: EsimAccessTenant } | Refusal {
  const headers = c.get('headers');
  const accessCode = headers.get(ESIM_ACCESS_HEADERS.accessCode);
  const timestamp = headers.get(ESIM_ACCESS_HEADERS.timestamp);
  const requestId = headers.get(ESIM_ACCESS_HEADERS.requestId);
  const signature = headers.get(ESIM_ACCESS_HEADERS.signature);
  const mode = rt.auth.signature;
  const hmac = mode === 'hmac' || (mode === 'access-code-only' && Boolean(signature));
  if (!accessCode) return refuse('000101', `Missing mandatory header: ${ESIM_ACCESS_HEADERS.accessCode}`);
  const tenant = lookup(accessCode);
  if (hmac) {
    const missing = !timestamp
      ? ESIM_ACCESS_HEADERS.timestamp
      : !requestId
        ? ESIM_ACCESS_HEADERS.requestId
        : !signature
          ? ESIM_ACCESS_HEADERS.signature
          : undefined;
    if (missing) return refuse('000101', `Missing mandatory header: ${missing}`, tenant);
    if (parseEsimAccessTimestamp(timestamp) === undefined) {
      return refuse(
        '000102',
        `Wrong header format: ${ESIM_ACCESS_HEADERS.timestamp} must be epoch milliseconds`,
        tenant,
      );
    }
    if (!REQUEST_ID.test(requestId ?? '')) {
      return refuse('000102', `Wrong header format: ${ESIM_ACCESS_HEADERS.requestId} must be a UUID`, tenant);
    }
    if (!SIGNATURE.test(signature ?? '')) {
      return refuse(
        '000102',
        `Wrong header format: ${ESIM_ACCESS_HEADERS.signature} must be 64 hex characters`,
        tenant,
      );
    }
  }
  if (!tenant) return refuse(rt.auth.unknownAccessCode, `unknown ${ESIM_ACCESS_HEADERS.accessCode}`);
  if (rt.auth.ipAllowlist) {
    const address = callerAddress(c);
    if (!rt.auth.ipAllowlist.includes(address)) {
      return refuse('101002', `IP blocked: ${address} is not in the account's allowlist`, tenant);
    }
  }
  if (!hmac) return { tenant };
  const now = authNow(rt, tenant);
  if (!isEsimAccessTimestampFresh({ timestamp, now, windowMs: rt.auth.timestampWindowMs })) {
    return refuse(
      '101001',
      `Timestamp expired: ${timestamp} is more than ${rt.auth.timestampWindowMs} ms from ${now} (${rt.auth.timestampClock} clock)`,
      tenant,
    );
  }
  const valid = verifyEsimAccessSignature({
    timestamp: timestamp ?? '',
    requestId: requestId ?? '',
    accessCode,
    body: c.get('rawBody'),
    secretKey: tenant.secret,
    signature,
  });
  if (!valid) return refuse('101003', 'Signature mismatch', tenant);
  if (rt.auth.singleUseRequestId && requestId) {
    if (!requestIdFree(rt, tenant, requestId, false)) return refuse('101001', alreadyUsed(requestId), tenant);
    // Used up only when the request reaches a route (claimRequestId), so a forged, faulted or rate-limited
    // request cannot burn a legitimate client's id.
    unclaimed.set(c, { tenant, requestId });
  }
  return { tenant };
}
