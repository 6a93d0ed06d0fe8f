/**
 * Request authentication, checks in this order (each answers with the provider's code in an HTTP 200 envelope):
 * 000101 a mandatory header is missing · 000102 a header is malformed · unknown RT-AccessCode (configurable code,
 * default 401001) · 101002 the client address is not allowlisted · 101001 RT-Timestamp outside the window of the
 * VIRTUAL clock, or an RT-RequestID used twice · 101003 RT-Signature does not match.
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
import type { Context } from 'hono';
import type { EsimAccessAccountParams } from '../mock/options.js';
import type { EsimAccessRuntime, EsimAccessTenant } from '../mock/runtime.js';
import { fail } from '../ops/context.js';
import type { EsimAccessAccountState } from '../state/types.js';
import { sendFailure } from './envelope.js';

type Auth = AuthResult<EsimAccessAccountState, EsimAccessAccountParams>;
type Ctx = Context<ProviderEnv<EsimAccessAccountState, EsimAccessAccountParams>>;

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

function rememberRequestId(rt: EsimAccessRuntime, tenant: EsimAccessTenant, requestId: string): boolean {
  let seen = rt.requestIds.get(tenant.id);
  if (!seen) {
    seen = new Map();
    rt.requestIds.set(tenant.id, seen);
  }
  const now = tenant.clock.now();
  // Ids older than the window can never be replayed successfully (their timestamp fails first): forget them. A Map
  // iterates in insertion order, i.e. oldest first, so the sweep stops at the first id still inside the window
  // (a full sweep per request made every request cost O(ids seen in the last 10 minutes)).
  for (const [id, at] of seen) {
    if (now - at <= rt.auth.timestampWindowMs) break;
    seen.delete(id);
  }
  if (seen.has(requestId)) return false;
  seen.set(requestId, now);
  return true;
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
  const hmac = rt.auth.signature === 'hmac' || Boolean(signature);
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
  const now = tenant.clock.now();
  if (!isEsimAccessTimestampFresh({ timestamp, now, windowMs: rt.auth.timestampWindowMs })) {
    return refuse(
      '101001',
      `Timestamp expired: ${timestamp} is more than ${rt.auth.timestampWindowMs} ms from ${now}`,
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
  // Recorded only for requests that pass, so a forged request cannot burn a legitimate client's id.
  if (rt.auth.singleUseRequestId && !rememberRequestId(rt, tenant, requestId ?? '')) {
    return refuse('101001', `${ESIM_ACCESS_HEADERS.requestId} ${requestId} was already used`, tenant);
  }
  return { tenant };
}
