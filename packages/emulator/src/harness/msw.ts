/**
 * @module
 * One msw server for every fake in the process. Two `setupServer()` instances would both patch the same globals;
 * sharing one lets the eSIM Access and iRoamly fakes run in msw mode side by side in one test file.
 */
import type { HttpHandler } from 'msw';
import { type SetupServer, setupServer } from 'msw/node';

const attached = new Set<readonly HttpHandler[]>();
let server: SetupServer | undefined;

function refresh(active: SetupServer): void {
  active.resetHandlers(...[...attached].flat());
}

/**
 * Serves `handlers` through the shared server (started on first use, with unhandled requests passed through, so
 * the app's own loopback servers and webhook receivers stay reachable). The returned function detaches them and
 * stops the server when nothing is left.
 * @example
 * const detach = attachMswHandlers(esimAccessHandlers(mock));
 * // ... fetch('https://api.esimaccess.com/...') reaches the mock
 * detach();
 */
export function attachMswHandlers(handlers: readonly HttpHandler[]): () => void {
  const own = [...handlers];
  attached.add(own);
  if (!server) {
    server = setupServer();
    server.listen({ onUnhandledRequest: 'bypass' });
  }
  refresh(server);
  return () => {
    if (!attached.delete(own) || !server) return;
    if (attached.size > 0) return refresh(server);
    server.close();
    server = undefined;
  };
}
