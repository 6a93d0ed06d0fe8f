/**
 * @module
 * The one-call test setup both fakes share: start the fake before the suite, give every test its own fresh account,
 * remove that account after the test, close the fake after the suite.
 */

import { EmulatorError } from '../errors.js';
import type { Emulator } from '../types/emulator.js';
import { HarnessError } from './errors.js';
import { resolveTestHooks, type TestHooks } from './hooks.js';

export interface FakeSuite<F, A> {
  /** The running fake; set before the first test. */
  readonly fake: F;
  /** This test's own fresh account; a new one for every test. */
  readonly account: A;
}

export interface FakeSuiteDefinition<F, A> {
  /** Names the helper in error messages, e.g. `useEsimAccessFake`. */
  name: string;
  start(): Promise<F>;
  /** The account a test gets (created in beforeEach). */
  openAccount(fake: F): A;
  /** Removes the accounts the test created (afterEach). */
  releaseAccounts(fake: F): Promise<void>;
  stop(fake: F): Promise<void>;
}

/**
 * Registers the hooks and returns getters that are valid inside tests.
 * @example
 * const suite = registerFakeSuite({ name: 'useCounterFake', start, openAccount, releaseAccounts, stop }, hooks);
 * test('counts', () => { suite.account.key; });
 */
export function registerFakeSuite<F, A>(
  definition: FakeSuiteDefinition<F, A>,
  hooks?: TestHooks,
): FakeSuite<F, A> {
  const registered = resolveTestHooks(hooks);
  let fake: F | undefined;
  let account: A | undefined;
  registered.beforeAll(async () => {
    fake = await definition.start();
  });
  registered.beforeEach(async () => {
    if (fake !== undefined) account = definition.openAccount(fake);
  });
  registered.afterEach(async () => {
    account = undefined;
    if (fake !== undefined) await definition.releaseAccounts(fake);
  });
  registered.afterAll(async () => {
    const running = fake;
    fake = undefined;
    if (running !== undefined) await definition.stop(running);
  });
  return {
    get fake() {
      if (fake === undefined) {
        throw new HarnessError(
          'OUTSIDE_TEST',
          `${definition.name}(): the fake runs between the suite's beforeAll and afterAll; read it inside a test or hook`,
        );
      }
      return fake;
    },
    get account() {
      if (account === undefined) {
        throw new HarnessError(
          'OUTSIDE_TEST',
          `${definition.name}(): each test gets its account in beforeEach; read it inside a test, not at module level`,
        );
      }
      return account;
    },
  };
}

/** Accounts created for tests, deleted together when the test is over. */
export interface AccountTracker {
  add(id: string): void;
  /** Waits for work in flight (webhook attempts, tasks), then deletes every tracked account. */
  release(): Promise<void>;
}

export function trackAccounts(
  emulator: Pick<Emulator<unknown, unknown>, 'deleteAccount' | 'idle'>,
): AccountTracker {
  const ids = new Set<string>();
  return {
    add: (id) => void ids.add(id),
    release: async () => {
      await emulator.idle();
      for (const id of ids) {
        try {
          emulator.deleteAccount(id);
        } catch (error) {
          // The test deleted it itself: nothing left to clean.
          if (!(error instanceof EmulatorError && error.code === 'UNKNOWN_ACCOUNT')) throw error;
        }
      }
      ids.clear();
    },
  };
}
