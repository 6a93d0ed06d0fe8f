/**
 * @module
 * msw mode: the same fetch handler served in-process on the provider's real base URL(s), so tests that use msw
 * share state, journal and clock with an HTTP server of the same emulator.
 */
import { type HttpHandler, http } from 'msw';

/**
 * @example
 * const server = setupServer(...createMswHandlers(emulator.fetch, 'https://api.esimaccess.com'));
 * server.listen();
 */
export function createMswHandlers(
  fetchHandler: (request: Request) => Response | Promise<Response>,
  baseUrl: string | readonly string[],
): HttpHandler[] {
  const bases = typeof baseUrl === 'string' ? [baseUrl] : baseUrl;
  return bases.map((base) =>
    // A drop fault answers Response.error(), which msw turns into a network error for the client.
    http.all(`${base.replace(/\/+$/, '')}/*`, ({ request }) => fetchHandler(request)),
  );
}
