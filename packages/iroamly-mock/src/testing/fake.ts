/**
 * @module
 * startIroamlyFake: the iRoamly fake served for a test suite (msw on `https://api.iroamly.shop`, or HTTP on a free
 * loopback port), handing out fresh accounts that are removed again after each test.
 */
import { IROAMLY_DEFAULT_BASE_URL } from '@esim-sandbox/core';
import { type Fake, type FakeOptions, startFake } from '@esim-sandbox/emulator/testing';
import { createIroamlyMock, type IroamlyMock } from '../mock/create.js';
import type { IroamlyAccountParams, IroamlyMockOptions } from '../runtime/options.js';
import { type IroamlyTestAccount, openTestAccount } from './account.js';

/** The mock's options, plus `mode` and `account` (params of every test account: balance in 1/100 credit). */
export interface IroamlyFakeOptions extends IroamlyMockOptions, FakeOptions<IroamlyAccountParams> {}

/** `baseUrl` is `https://api.iroamly.shop` (msw) or `http://127.0.0.1:PORT` (http). */
export type IroamlyFake = Fake<IroamlyMock, IroamlyAccountParams, IroamlyTestAccount>;

/**
 * Serving, the manual clock and the clean-up are the engine's `startFake`: redemptions complete when a test calls
 * `account.advance(ms)`.
 * @example
 * const fake = await startIroamlyFake({ mode: 'http' });
 * const client = fake.newAccount().client();
 * await fake.close();
 */
export function startIroamlyFake(options: IroamlyFakeOptions = {}): Promise<IroamlyFake> {
  return startFake(
    { realBaseUrl: IROAMLY_DEFAULT_BASE_URL, createMock: createIroamlyMock, openAccount: openTestAccount },
    options,
  );
}
