/**
 * @module
 * startIroamlyFake: the iRoamly fake served for a test suite (msw on the real base URL, or HTTP on a free loopback
 * port), handing out fresh accounts that are removed again after each test.
 */
import { IROAMLY_DEFAULT_BASE_URL } from '@esim-sandbox/core';
import { type FakeMode, serveEmulator, trackAccounts } from '@esim-sandbox/emulator/testing';
import type { HttpHandler } from 'msw';
import { createIroamlyMock, type IroamlyMock } from '../mock/create.js';
import type { IroamlyAccountParams, IroamlyMockOptions } from '../mock/options.js';
import { type IroamlyTestAccount, testAccount } from './account.js';

export interface IroamlyFakeOptions extends IroamlyMockOptions {
  /** `msw` (default): intercepts `https://api.iroamly.shop` in process. `http`: a server on 127.0.0.1, port 0. */
  mode?: FakeMode;
  /** Params of every test account (balance in 1/100 credit). */
  account?: IroamlyAccountParams;
}

export interface IroamlyFake {
  readonly mode: FakeMode;
  /** `https://api.iroamly.shop` (msw) or `http://127.0.0.1:PORT` (http). */
  readonly baseUrl: string;
  /** The mock itself: catalogue, engine, default account. */
  readonly mock: IroamlyMock;
  /** msw handlers for the mock, for a suite that already runs its own msw server. */
  readonly handlers: HttpHandler[];
  /** A fresh account (deleted by `releaseAccounts()`); params default to the `account` option. */
  newAccount(params?: IroamlyAccountParams): IroamlyTestAccount;
  /** Deletes every account `newAccount` made, once work in flight has finished. */
  releaseAccounts(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The clock is manual unless `clock: 'real'` is given: redemptions complete when a test calls `account.advance(ms)`.
 * @example
 * const fake = await startIroamlyFake({ mode: 'http' });
 * const client = fake.newAccount().client();
 * await fake.close();
 */
export async function startIroamlyFake(options: IroamlyFakeOptions = {}): Promise<IroamlyFake> {
  const { mode = 'msw', account: accountParams, ...mockOptions } = options;
  const mock = createIroamlyMock({ clock: 'manual', ...mockOptions });
  const served = await serveEmulator(mock.emulator, { mode, realBaseUrl: IROAMLY_DEFAULT_BASE_URL }).catch(
    async (error: unknown) => {
      await mock.close();
      throw error;
    },
  );
  const tracker = trackAccounts(mock.emulator);
  return {
    mode: served.mode,
    baseUrl: served.baseUrl,
    mock,
    handlers: served.handlers,
    newAccount: (params = accountParams) => {
      const tenant = mock.emulator.createAccount(params === undefined ? {} : { params });
      tracker.add(tenant.id);
      return testAccount(mock.control, tenant, served.baseUrl);
    },
    releaseAccounts: () => tracker.release(),
    close: () => served.close(),
  };
}
