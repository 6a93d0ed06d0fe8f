/**
 * @module
 * The webhook POST over `node:http` / `node:https` with keep-alive agents, used instead of `fetch` when nothing asked
 * for a fetch of its own: no `fetch` option, and the global fetch still the one this module found (no msw, stub or
 * spy put in its place since; see {@link isGlobalFetchUnreplaced}). A fetch POST costs the
 * sender several times the CPU of this one (a WHATWG Request, a body stream, a Response and its stream per
 * attempt), and with concurrent delivery the sender's CPU is what bounds a fan-out. The receiver sees the same
 * request either way: method, URL, body and headers, including the ones fetch adds by itself.
 */
import http from 'node:http';
import https from 'node:https';

export interface PostAnswer {
  status: number;
}

/** One agent per scheme for the process, like fetch's global dispatcher; idle sockets do not hold the process. */
const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

/**
 * The global fetch when this module loaded, and whether it was Node's own (which lazily loads its bundled undici;
 * a replacement installed before the engine was imported, such as msw listening in a setup file, does not).
 */
const LOADED_FETCH = globalThis.fetch;
const LOADED_FETCH_IS_NODES = Function.prototype.toString
  .call(LOADED_FETCH)
  .includes('internal/deps/undici/undici');

/**
 * Whether this transport may stand in for the global fetch: it is still the one this module found, and that one was
 * Node's own. Any replacement (msw, a stub, a test's spy), before the import or after it, gets every attempt; once
 * one installed after the import is put back, attempts go over node:http again. Should Node's fetch ever stop
 * showing its source path, attempts simply go through fetch (slower, same requests).
 */
export function isGlobalFetchUnreplaced(): boolean {
  return LOADED_FETCH_IS_NODES && globalThis.fetch === LOADED_FETCH;
}

/** What Node's fetch adds to a request that does not set them (so a receiver cannot tell the transports apart). */
const FETCH_HEADERS: Readonly<Record<string, string>> = {
  accept: '*/*',
  'accept-language': '*',
  'sec-fetch-mode': 'cors',
  'user-agent': 'node',
  'accept-encoding': 'gzip, deflate',
};

/** Node lower-cases the names as it sets them, so a header of ours overrides fetch's default whatever its case. */
function requestHeaders(headers: Record<string, string>, body: string): Record<string, string | number> {
  return { ...FETCH_HEADERS, ...headers, 'content-length': Buffer.byteLength(body) };
}

export class PostTimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/**
 * POSTs `body` and reads the answer to its end (so the socket is reused), all within `timeoutMs`. Rejects on a
 * network error or the timeout, like fetch. `http.request` is looked up at call time, so an interceptor that
 * replaces it (e.g. nock) still sees the request.
 */
export function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<PostAnswer> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const client = target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : undefined;
    if (!client) {
      reject(new TypeError(`unsupported protocol ${target.protocol}`));
      return;
    }
    const req = client.request(target, {
      method: 'POST',
      agent: agents[target.protocol as keyof typeof agents],
      headers: requestHeaders(headers, body),
    });
    // Anonymous callbacks on purpose: tsx's keepNames would wrap a named closure in a helper call per attempt.
    const timer = setTimeout(() => req.destroy(new PostTimeoutError('timeout')), timeoutMs);
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.on('response', (res) => {
      res.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0 });
      });
      res.resume();
    });
    req.end(body);
  });
}
