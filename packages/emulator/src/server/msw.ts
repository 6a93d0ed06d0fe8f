/**
 * @module
 * msw mode: the same fetch handler served in-process on the provider's real base URL(s), so tests that use
 * msw share state, journal and clock with an HTTP server of the same emulator.
 */
import { createRequire } from 'node:module';
import type { HttpHandler } from 'msw';

type Msw = typeof import('msw');

let msw: Msw | undefined;

/**
 * msw, with the graphql parser it pulls in, was the largest part of a mock CLI's start-up (~200 ms), and only
 * msw mode needs it, so it is loaded on the first call instead of with the package. `require` keeps this
 * function synchronous; msw's `module-sync` export condition makes it load the same ESM build, the same
 * instance, as `import 'msw'` in the caller's tests (Node >= 20.19 requires ES modules without a flag).
 */
function loadMsw(): Msw {
  msw ??= createRequire(import.meta.url)('msw') as Msw;
  return msw;
}

/**
 * @example
 * const server = setupServer(...createMswHandlers(emulator.fetch, 'https://api.esimaccess.com'));
 * server.listen();
 */
export function createMswHandlers(
  fetchHandler: (request: Request) => Response | Promise<Response>,
  baseUrl: string | readonly string[],
): HttpHandler[] {
  const { http } = loadMsw();
  const bases = typeof baseUrl === 'string' ? [baseUrl] : baseUrl;
  return bases.map((base) =>
    // A drop fault answers Response.error(), which msw turns into a network error for the client.
    http.all(`${base.replace(/\/+$/, '')}/*`, ({ request }) => fetchHandler(readableCopy(request))),
  );
}

/**
 * msw hands every handler and lifecycle listener (`request:end`, `response:mocked`...) the same request, so the
 * engine reads a copy and leaves the original readable for them. A handler that ran before this one and read the
 * original itself (instead of `request.clone()`) left nothing to copy: say so rather than answer an empty body.
 */
function readableCopy(request: Request): Request {
  if (!request.bodyUsed) return request.clone();
  throw new TypeError(
    `${request.method} ${request.url}: an msw handler before the fake read the request body; ` +
      'a handler that lets the request fall through must read request.clone()',
  );
}
