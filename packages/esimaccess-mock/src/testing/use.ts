/**
 * useEsimAccessFake: one call in a test file (vitest, jest, node:test) that starts the fake before the suite, gives
 * every test a fresh account and cleans up.
 * @module
 */
import { type FakeSuite, type TestHooks, useFake } from '@esim-sandbox/emulator/testing';
import type { EsimAccessTestAccount } from './account.js';
import { type EsimAccessFake, type EsimAccessFakeOptions, startEsimAccessFake } from './fake.js';

export interface UseEsimAccessFakeOptions extends EsimAccessFakeOptions {
  /** The runner's hooks; jest's (and vitest's with `globals: true`) are found on globalThis. */
  hooks?: TestHooks;
}

/**
 * @example
 * import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
 * const esim = useEsimAccessFake({ mode: 'msw', hooks: { beforeAll, afterAll, beforeEach, afterEach } });
 * test('the account starts with $1,000', async () => {
 *   expect((await esim.account.client().getBalance()).balance).toBe(10_000_000);
 * });
 */
export function useEsimAccessFake(
  options: UseEsimAccessFakeOptions = {},
): FakeSuite<EsimAccessFake, EsimAccessTestAccount> {
  const { hooks, ...fakeOptions } = options;
  return useFake('useEsimAccessFake', () => startEsimAccessFake(fakeOptions), hooks);
}
