/**
 * @module
 * A reseller's own msw setup, as their test suite already has it, for showing that a fake joins it rather than
 * replacing it: one handler of theirs, their `onUnhandledRequest`, and lifecycle listeners that read POST bodies.
 */
import { HttpResponse, http } from 'msw';
import { type SetupServer, setupServer } from 'msw/node';

/** The user's own origin; `GET /ping` answers `{ pong: true }`. */
export const USER_ORIGIN = 'https://shop.example';

type Hook = (fn: () => unknown) => void;

export interface UserMswServer {
  server: SetupServer;
  /** URLs the user's `onUnhandledRequest` saw since the last test. */
  unhandled: string[];
  /** POST bodies the user's lifecycle listeners read (through `request.clone()`) since the last test. */
  bodies: Record<'request:start' | 'response:mocked', unknown[]>;
}

/** Starts the user's server in `beforeAll`, resets it (and the records, then `afterEachTest`) after each test. */
export function userMswServer(
  hooks: { beforeAll: Hook; afterEach: Hook; afterAll: Hook },
  afterEachTest: () => void = () => undefined,
): UserMswServer {
  const server = setupServer(http.get(`${USER_ORIGIN}/ping`, () => HttpResponse.json({ pong: true })));
  const unhandled: string[] = [];
  const bodies: UserMswServer['bodies'] = { 'request:start': [], 'response:mocked': [] };
  for (const event of ['request:start', 'response:mocked'] as const) {
    server.events.on(event, ({ request }) => {
      // A test may read the body in a handler on purpose; the listeners must not count that against the fake.
      if (request.method === 'POST' && !request.bodyUsed)
        void request
          .clone()
          .json()
          .then((b) => bodies[event].push(b));
    });
  }
  hooks.beforeAll(() =>
    server.listen({
      onUnhandledRequest: (request, print) => {
        unhandled.push(request.url);
        print.error();
      },
    }),
  );
  hooks.afterEach(() => {
    server.resetHandlers();
    unhandled.length = 0;
    for (const list of Object.values(bodies)) list.length = 0;
    afterEachTest();
  });
  hooks.afterAll(() => server.close());
  return { server, unhandled, bodies };
}
