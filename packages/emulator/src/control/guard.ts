/**
 * @module
 * What keeps a web page in the user's browser from driving a local fake (the control API, the playground's
 * dashboard and webhook sink): the `Host` must be an address or an allowed name (a DNS-rebinding page arrives
 * under its own name), a write's `Origin`, when a browser sends one, must be the same host, and a write with a body
 * must be `application/json` (what a cross-site form or a no-CORS `fetch` cannot send without a preflight).
 *
 * Only requests that came over a socket are checked: in-process and msw requests come from the test's own code,
 * never from a browser.
 */
import { isIP } from 'node:net';
import type { MiddlewareHandler } from 'hono';
import type { ConnectionInfo } from '../http/connection.js';

/** Names always allowed in `Host` besides IP addresses. */
const LOOPBACK_NAMES = ['localhost'];

export interface BrowserGuardOptions {
  /** Extra host names (no port) allowed in `Host`; `'*'` allows any. IP addresses and `localhost` always are. */
  allowedHosts?: readonly string[] | undefined;
  /** Default true. False for a webhook receiver, which takes whatever type a provider sends (Origin still counts). */
  requireJson?: boolean;
}

/** The hostname of a `Host` header value, lowercase, without port or IPv6 brackets. */
function hostnameOf(host: string): string {
  const lower = host.trim().toLowerCase();
  if (lower.startsWith('[')) return lower.slice(1, lower.indexOf(']'));
  const colon = lower.lastIndexOf(':');
  return colon < 0 ? lower : lower.slice(0, colon);
}

function refuse(code: string, message: string, field: string, status: 403 | 415) {
  return Response.json({ error: { code, message, field } }, { status });
}

/**
 * @example
 * app.use('*', browserGuard({ allowedHosts: ['sandbox.internal'] }));
 */
export function browserGuard(options: BrowserGuardOptions = {}): MiddlewareHandler {
  const allowed = new Set([...LOOPBACK_NAMES, ...(options.allowedHosts ?? []).map((h) => h.toLowerCase())]);
  return async (c, next) => {
    if (!(c.env as ConnectionInfo | undefined)?.incoming) return next();
    const host = c.req.header('host') ?? '';
    const name = hostnameOf(host);
    if (!allowed.has('*') && !allowed.has(name) && isIP(name) === 0) {
      return refuse(
        'FORBIDDEN_HOST',
        `host: '${host}' is not an address or an allowed host name (allow it with --allowed-host)`,
        'host',
        403,
      );
    }
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
    const origin = c.req.header('origin');
    if (origin !== undefined && !sameHost(origin, host)) {
      return refuse('FORBIDDEN_ORIGIN', `origin: '${origin}' may not write here`, 'origin', 403);
    }
    if (options.requireJson === false) return next();
    const type = c.req.header('content-type');
    const hasBody =
      Number(c.req.header('content-length') ?? 0) > 0 || c.req.header('transfer-encoding') !== undefined;
    if ((type !== undefined || hasBody) && !/^application\/json\s*(;|$)/i.test(type ?? '')) {
      return refuse(
        'UNSUPPORTED_MEDIA_TYPE',
        `content-type: writes need application/json, got '${type ?? 'none'}'`,
        'content-type',
        415,
      );
    }
    return next();
  };
}

function sameHost(origin: string, host: string): boolean {
  try {
    return new URL(origin).host === host.trim().toLowerCase();
  } catch {
    return false;
  }
}
