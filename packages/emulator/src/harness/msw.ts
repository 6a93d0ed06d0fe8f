/**
 * @module
 * Where a fake's msw handlers go. By default, one msw server for every fake in the process: two `setupServer()`
 * instances share msw's interceptors, and the one that listens last takes every request from the other. A suite
 * that already runs its own msw server passes it instead, and the fakes' handlers join that server.
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

/** The part of a user's `setupServer()` (or `setupWorker()`) instance a fake joins. */
export type MswServer = Pick<SetupServer, 'resetHandlers' | 'listHandlers'>;

/** Handlers of fakes that were closed; dropped from a user's server whenever the fakes rewrite its list. */
const retired = new WeakSet<object>();

function live(server: MswServer): ReturnType<SetupServer['listHandlers']>[number][] {
  return server.listHandlers().filter((handler) => !retired.has(handler));
}

/**
 * Adds `handlers` to the initial handlers of the user's own msw server, after the user's: the user's handlers and
 * `server.use()` overrides win, requests the fake does not serve reach the user's handlers and the server's own
 * `onUnhandledRequest`, and `server.resetHandlers()` keeps the fake. Call it before adding `use()` overrides (the
 * fakes join in `beforeAll`): overrides present now would become initial handlers. The returned function removes
 * the handlers again; when nothing else is left msw cannot empty the initial list, so they stay, retired, and
 * must refuse what still reaches them (serveEmulator's handlers do, once the fake is closed).
 * @example
 * const server = setupServer(http.get('https://shop.test/ping', () => HttpResponse.json({ pong: true })));
 * server.listen({ onUnhandledRequest: 'error' });
 * const leave = joinMswServer(server, esimAccessHandlers(mock));
 */
export function joinMswServer(server: MswServer, handlers: readonly HttpHandler[]): () => void {
  server.resetHandlers(...live(server), ...handlers);
  return () => {
    for (const handler of handlers) retired.add(handler);
    const rest = live(server);
    // resetHandlers() with no argument would restore the list that still holds the retired handlers.
    if (rest.length > 0) server.resetHandlers(...rest);
  };
}
