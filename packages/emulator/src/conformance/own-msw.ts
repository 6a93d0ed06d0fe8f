/**
 * @module
 * "Joins your msw server": the suite both fakes run to show that `useXFake({ server })` joins the msw server a
 * reseller's test suite already has rather than replacing it. The user's setup is one handler of theirs, their
 * `onUnhandledRequest`, and lifecycle listeners that read POST bodies; each fake only says how to call it.
 */
import assert from 'node:assert/strict';
import { HttpResponse, http } from 'msw';
import { type SetupServer, setupServer } from 'msw/node';
import type { HookCallback, TestHooks } from '../harness/hooks.js';

/** The user's own origin; `GET /ping` answers `{ pong: true }`. */
const USER_ORIGIN = 'https://shop.example';

/** How long a lifecycle listener may take to record a body: a bound for a failing test, not a wait. */
const LISTENER_BOUND_MS = 5_000;

type Hook = (fn: HookCallback) => unknown;
type BodyEvent = 'request:start' | 'response:mocked';

/** The test runner's functions (vitest's, jest's; node:test's `before`/`after` under these names). */
export interface OwnMswRunner {
  describe(name: string, fn: () => void): unknown;
  it(name: string, fn: () => Promise<void>): unknown;
  beforeAll: Hook;
  afterAll: Hook;
  beforeEach: Hook;
  afterEach: Hook;
}

/** The fake's own one-call helper, e.g. `useEsimAccessFake`: given the user's server, it joins it. */
export type UseFakeOnServer<A> = (options: { server: SetupServer; hooks: TestHooks }) => {
  readonly account: A;
};

/** How to reach one provider: its client's calls and the URLs they go to. */
export interface OwnMswSuite<A> {
  /** A read through the provider's client, and what the fake's own answer to it looks like. */
  read: {
    call(account: A): Promise<unknown>;
    fromFake(value: unknown): boolean;
    /** The endpoint the read reaches, overridden with `body`; the read then gives `gives`. */
    method: 'get' | 'post';
    url: string;
    body: unknown;
    gives: unknown;
  };
  /** A POST through the provider's client: `call` resolves to something truthy when the fake answered. */
  write: {
    url: string;
    call(account: A): Promise<unknown>;
    /** Fields of the body the client sends. */
    sent: Record<string, unknown>;
  };
}

/** The fields of `body` named in `sent`, so a comparison ignores what else the client sent. */
function picked(bodies: readonly unknown[], sent: Record<string, unknown>): unknown[] {
  return bodies.map((body) =>
    Object.fromEntries(Object.keys(sent).map((key) => [key, (body as Record<string, unknown>)[key]])),
  );
}

function userServer() {
  const server = setupServer(http.get(`${USER_ORIGIN}/ping`, () => HttpResponse.json({ pong: true })));
  const unhandled: string[] = [];
  const bodies: Record<BodyEvent, unknown[]> = { 'request:start': [], 'response:mocked': [] };
  const waiting: { event: BodyEvent; wake(): void }[] = [];
  for (const event of ['request:start', 'response:mocked'] as const) {
    server.events.on(event, ({ request }) => {
      // A test may read the body in a handler on purpose; the listeners must not count that against the fake.
      if (request.method === 'POST' && !request.bodyUsed)
        void request
          .clone()
          .json()
          .then((b) => {
            bodies[event].push(b);
            for (const waiter of waiting.filter((w) => w.event === event)) waiter.wake();
          });
    });
  }
  /** Resolves once `event`'s listener has recorded a body (msw may emit it after the response reached fetch). */
  const recorded = (event: BodyEvent): Promise<void> =>
    bodies[event].length > 0
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new assert.AssertionError({ message: `no body recorded on ${event}` })),
            LISTENER_BOUND_MS,
          );
          const waiter = {
            event,
            wake: () => {
              waiting.splice(waiting.indexOf(waiter), 1);
              clearTimeout(timer);
              resolve();
            },
          };
          waiting.push(waiter);
        });
  return { server, unhandled, bodies, recorded };
}

/** console.error, recorded (and silenced on request) for the suite's life. */
function consoleErrors(runner: OwnMswRunner) {
  const calls: unknown[][] = [];
  const state = { silent: false };
  const original = console.error;
  runner.beforeAll(async () => {
    console.error = (...args: unknown[]) => {
      calls.push(args);
      if (!state.silent) original(...args);
    };
  });
  runner.afterEach(async () => {
    calls.length = 0;
  });
  runner.afterAll(async () => {
    console.error = original;
  });
  return { calls, silence: () => (state.silent = true) };
}

/**
 * Registers the suite: the fake answers beside the user's handlers, `server.use()` overrides win and
 * `resetHandlers()` brings the fake back, unhandled requests reach the user's `onUnhandledRequest`, body-reading
 * listeners and handlers see the body the fake also read, and a handler that consumed the body gets an error naming
 * the fix. `useFake` is the fake's one-call helper; its name titles the suite.
 * @example
 * import * as vitest from 'vitest';
 * describeOwnMswServer(vitest, useEsimAccessFake, { read, write });
 */
export function describeOwnMswServer<A>(
  runner: OwnMswRunner,
  useFake: UseFakeOnServer<A>,
  suite: OwnMswSuite<A>,
): void {
  const { server, unhandled, bodies, recorded } = userServer();
  const errors = consoleErrors(runner);
  runner.beforeAll(async () =>
    server.listen({
      onUnhandledRequest: (request, print) => {
        unhandled.push(request.url);
        print.error();
      },
    }),
  );
  runner.afterEach(async () => {
    server.resetHandlers();
    unhandled.length = 0;
    for (const list of Object.values(bodies)) list.length = 0;
  });
  runner.afterAll(async () => server.close());

  const { read, write } = suite;
  runner.describe(`${useFake.name}({ server }) joins a suite that runs its own msw server`, () => {
    const fake = useFake({ server, hooks: runner });

    runner.it('the fake answers on its real base URL and your handlers still answer theirs', async () => {
      assert.ok(read.fromFake(await read.call(fake.account)), 'the read was not answered by the fake');
      assert.deepEqual(await (await fetch(`${USER_ORIGIN}/ping`)).json(), { pong: true });
    });

    runner.it(
      'a server.use() override wins over the fake, and resetHandlers() brings the fake back',
      async () => {
        server.use(http[read.method](read.url, () => HttpResponse.json(read.body as object)));
        assert.deepEqual(await read.call(fake.account), read.gives);
        server.resetHandlers();
        assert.ok(
          read.fromFake(await read.call(fake.account)),
          'resetHandlers() did not bring the fake back',
        );
      },
    );

    runner.it(
      'a request neither the fake nor your handlers serve meets your onUnhandledRequest',
      async () => {
        await assert.rejects(fetch(`${USER_ORIGIN}/unknown`));
        assert.deepEqual(unhandled, [`${USER_ORIGIN}/unknown`]);
      },
    );

    runner.it(
      'lifecycle listeners and a falling-through handler read the body the fake also read',
      async () => {
        const seen: unknown[] = [];
        server.use(
          http.post(write.url, async ({ request }) => {
            seen.push(await request.clone().json());
          }),
        );
        assert.ok(await write.call(fake.account), 'the write was not answered by the fake');
        assert.deepEqual(picked(seen, write.sent), [write.sent]);
        await recorded('response:mocked');
        assert.deepEqual(picked(bodies['response:mocked'], write.sent), [write.sent]);
        assert.deepEqual(picked(bodies['request:start'], write.sent), [write.sent]);
        assert.deepEqual(errors.calls, []);
      },
    );

    runner.it(
      'a handler that read the original body before the fake gets an error naming the fix',
      async () => {
        server.use(
          http.post(write.url, async ({ request }) => {
            await request.json();
          }),
        );
        errors.silence();
        const response = await fetch(write.url, { method: 'POST', body: '{}' });
        assert.equal(response.status, 500);
        assert.match(await response.text(), /must read request\.clone\(\)/);
      },
    );
  });
}
