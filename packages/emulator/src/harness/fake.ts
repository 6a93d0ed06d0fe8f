/**
 * @module
 * The fake a provider's `testing` entry point hands out: its mock served for a suite (msw on the provider's real
 * base URL, or HTTP on a free loopback port), on a manual clock, with fresh accounts that are deleted again after
 * each test. The provider supplies only how to create its mock and how to open one account for a test.
 */
import type { HttpHandler } from 'msw';
import { CHAOS_REPORT_ENV, parseChaosEnv } from '../chaos/env.js';
import type { ChaosSetting } from '../chaos/profile.js';
import type { ClockMode } from '../clock/clock.js';
import type { Emulator } from '../types/emulator.js';
import type { TestHooks } from './hooks.js';
import type { MswServer } from './msw.js';
import { type FakeMode, serveEmulator } from './serve.js';
import { type FakeSuite, registerFakeSuite, trackAccounts } from './suite.js';

/** The options every provider's fake takes on top of its mock's own. */
export interface FakeOptions<P> {
  /** `msw` (default): intercepts the provider's real base URL in process. `http`: a server on 127.0.0.1, port 0. */
  mode?: FakeMode;
  /** Params of every test account (the provider's own: balance in its money unit, stock...). */
  account?: P;
  /**
   * Your own msw `setupServer()` instance, msw mode only: the fake's handlers join it (after yours, so your
   * handlers and `server.use()` overrides win and `resetHandlers()` keeps the fake) instead of a second server.
   */
  server?: MswServer;
}

export interface Fake<M, P, A> {
  readonly mode: FakeMode;
  /** The provider's real base URL (msw) or `http://127.0.0.1:PORT` (http). */
  readonly baseUrl: string;
  /** The mock itself: catalogue, engine, default account. */
  readonly mock: M;
  /** msw handlers for the mock, for a suite that already runs its own msw server. */
  readonly handlers: HttpHandler[];
  /** A fresh account (deleted by `releaseAccounts()`); params default to the `account` option. */
  newAccount(params?: P): A;
  /** Deletes every account `newAccount` made, once work in flight (webhook attempts, tasks) has finished. */
  releaseAccounts(): Promise<void>;
  close(): Promise<void>;
}

/** What the harness needs of a provider's mock: the engine under it, and how to close it. */
export interface ServableMock {
  emulator: Pick<Emulator<unknown, unknown>, 'fetch' | 'close' | 'controlToken' | 'deleteAccount' | 'idle'>;
  close(): Promise<void>;
}

/** A test account: whatever the provider wraps around the engine account it is made of. */
export interface FakeAccount {
  readonly tenant: { readonly id: string };
}

/** The options of a provider's mock, as far as the harness reads them. */
export interface FakeMockOptions {
  clock?: ClockMode;
  chaos?: ChaosSetting;
}

export interface FakeDefinition<O extends FakeMockOptions, M, P, A> {
  /** The provider's production base URL, intercepted in msw mode. */
  realBaseUrl: string;
  /** Creates the mock from the fake's options less `mode` and `account`; closed again when serving it fails. */
  createMock(options: O): M;
  /** Creates a fresh account on the mock and wraps it for a test served on `baseUrl`. */
  openAccount(mock: M, params: P | undefined, baseUrl: string): A;
}

/**
 * The clock is manual unless the options say `clock: 'real'`: nothing a test did not ask for happens by itself.
 * Without a `chaos` option, `ESIM_SANDBOX_CHAOS` / `ESIM_SANDBOX_CHAOS_REPORT` (the chaos runner's) set it.
 * @example
 * const counter = { realBaseUrl: 'https://api.counter.test', createMock: createCounterMock, openAccount };
 * const fake = await startFake(counter, { mode: 'http', account: { start: 3 } });
 */
export async function startFake<O extends FakeMockOptions, M extends ServableMock, P, A extends FakeAccount>(
  definition: FakeDefinition<O, M, P, A>,
  options: O & FakeOptions<P>,
): Promise<Fake<M, P, A>> {
  const { mode = 'msw', account: defaultParams, server, ...mockOptions } = options;
  // TypeScript types the rest of a generic object as an Omit<>, which it cannot relate back to O.
  const chaos = chaosOption(mockOptions.chaos);
  const mock = definition.createMock({
    clock: 'manual',
    ...mockOptions,
    ...(chaos ? { chaos } : {}),
  } as unknown as O);
  const served = await serveEmulator(mock.emulator, {
    mode,
    realBaseUrl: definition.realBaseUrl,
    server,
  }).catch(async (error: unknown) => {
    await mock.close();
    throw error;
  });
  const tracker = trackAccounts(mock.emulator);
  return {
    mode: served.mode,
    baseUrl: served.baseUrl,
    mock,
    handlers: served.handlers,
    newAccount: (params = defaultParams) => {
      const account = definition.openAccount(mock, params, served.baseUrl);
      tracker.add(account.tenant.id);
      return account;
    },
    releaseAccounts: () => tracker.release(),
    close: () => served.close(),
  };
}

/** The explicit option wins over the environment; the runner's report file applies to either. */
function chaosOption(explicit: ChaosSetting | undefined): ChaosSetting | undefined {
  if (!explicit) return parseChaosEnv(process.env);
  const report = process.env[CHAOS_REPORT_ENV];
  return explicit.report || !report ? explicit : { ...explicit, report };
}

/** A fake as `useFake` drives it: a fresh account per test, released after it, closed after the suite. */
export type SuiteFake<A> = Pick<Fake<unknown, never, A>, 'newAccount' | 'releaseAccounts' | 'close'>;

/**
 * One call in a test file (vitest, jest, node:test): starts the fake before the suite, gives every test a fresh
 * account and cleans up. `name` is the provider's helper, named in misuse errors.
 * @example
 * export function useCounterFake({ hooks, ...options }: UseCounterFakeOptions = {}) {
 *   return useFake('useCounterFake', () => startCounterFake(options), hooks);
 * }
 */
export function useFake<F, A>(
  name: string,
  start: () => Promise<F & SuiteFake<A>>,
  hooks?: TestHooks,
): FakeSuite<F, A> {
  return registerFakeSuite<F & SuiteFake<A>, A>(
    {
      name,
      start,
      openAccount: (fake) => fake.newAccount(),
      releaseAccounts: (fake) => fake.releaseAccounts(),
      stop: (fake) => fake.close(),
    },
    hooks,
  );
}
