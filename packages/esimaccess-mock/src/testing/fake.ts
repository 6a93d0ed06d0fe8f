/**
 * startEsimAccessFake: the eSIM Access fake served for a test suite (msw on the real base URL, or HTTP on a free
 * loopback port), handing out fresh accounts that are removed again after each test.
 * @module
 */
import { ESIM_ACCESS_DEFAULT_BASE_URL } from '@esim-sandbox/core';
import { type FakeMode, serveEmulator, trackAccounts } from '@esim-sandbox/emulator/testing';
import type { HttpHandler } from 'msw';
import { createEsimAccessMock, type EsimAccessMock } from '../mock/create.js';
import type { EsimAccessAccountParams, EsimAccessMockOptions } from '../mock/options.js';
import { type EsimAccessTestAccount, testAccount } from './account.js';

export interface EsimAccessFakeOptions extends EsimAccessMockOptions {
  /** `msw` (default): intercepts `https://api.esimaccess.com` in process. `http`: a server on 127.0.0.1, port 0. */
  mode?: FakeMode;
  /** Params of every test account (balance in 1/10,000 USD, stock per package). */
  account?: EsimAccessAccountParams;
}

export interface EsimAccessFake {
  readonly mode: FakeMode;
  /** `https://api.esimaccess.com` (msw) or `http://127.0.0.1:PORT` (http). */
  readonly baseUrl: string;
  /** The mock itself: catalogue, engine, default account. */
  readonly mock: EsimAccessMock;
  /** msw handlers for the mock, for a suite that already runs its own msw server. */
  readonly handlers: HttpHandler[];
  /** A fresh account (deleted by `releaseAccounts()`); params default to the `account` option. */
  newAccount(params?: EsimAccessAccountParams): EsimAccessTestAccount;
  /** Deletes every account `newAccount` made, once work in flight (webhook attempts) has finished. */
  releaseAccounts(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The clock is manual unless `clock: 'real'` is given: nothing happens until a test calls `account.advance(ms)`.
 * @example
 * const fake = await startEsimAccessFake({ mode: 'http' });
 * const account = fake.newAccount({ balance: 500_000 });
 * const client = account.client();
 * await fake.close();
 */
export async function startEsimAccessFake(options: EsimAccessFakeOptions = {}): Promise<EsimAccessFake> {
  const { mode = 'msw', account: accountParams, ...mockOptions } = options;
  const mock = createEsimAccessMock({ clock: 'manual', ...mockOptions });
  const served = await serveEmulator(mock.emulator, {
    mode,
    realBaseUrl: ESIM_ACCESS_DEFAULT_BASE_URL,
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
    newAccount: (params = accountParams) => {
      const control = mock.control.createAccount(params === undefined ? {} : { params });
      tracker.add(control.tenant.id);
      return testAccount(control, served.baseUrl);
    },
    releaseAccounts: () => tracker.release(),
    close: () => served.close(),
  };
}
