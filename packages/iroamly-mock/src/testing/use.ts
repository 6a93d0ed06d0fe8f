/**
 * @module
 * useIroamlyFake: one call in a test file (vitest, jest, node:test) that starts the fake before the suite, gives
 * every test a fresh account and cleans up.
 */
import { type FakeSuite, type TestHooks, useFake } from '@esim-sandbox/emulator/testing';
import type { IroamlyTestAccount } from './account.js';
import { type IroamlyFake, type IroamlyFakeOptions, startIroamlyFake } from './fake.js';

export interface UseIroamlyFakeOptions extends IroamlyFakeOptions {
  /** The runner's hooks; jest's (and vitest's with `globals: true`) are found on globalThis. */
  hooks?: TestHooks;
}

/**
 * @example
 * import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
 * const iroamly = useIroamlyFake({ mode: 'http', hooks: { beforeAll, afterAll, beforeEach, afterEach } });
 * test('a purchase issues one redeem code', async () => {
 *   const client = iroamly.account.client();
 *   const { orderId } = await client.purchase({ email: 'me@shop.test', productList: [...] });
 *   expect(await client.queryCodes(orderId)).toHaveLength(1);
 * });
 */
export function useIroamlyFake(
  options: UseIroamlyFakeOptions = {},
): FakeSuite<IroamlyFake, IroamlyTestAccount> {
  const { hooks, ...fakeOptions } = options;
  return useFake('useIroamlyFake', () => startIroamlyFake(fakeOptions), hooks);
}
