/**
 * startEsimAccessFake: the eSIM Access fake served for a test suite (msw on `https://api.esimaccess.com`, or HTTP on
 * a free loopback port), handing out fresh accounts that are removed again after each test.
 * @module
 */
import { ESIM_ACCESS_DEFAULT_BASE_URL } from '@esim-sandbox/core';
import { type Fake, type FakeOptions, startFake } from '@esim-sandbox/emulator/testing';
import { createEsimAccessMock, type EsimAccessMock } from '../mock/create.js';
import type { EsimAccessAccountParams, EsimAccessMockOptions } from '../runtime/options.js';
import { type EsimAccessTestAccount, openTestAccount } from './account.js';

/** The mock's options, plus `mode` and `account` (params of every test account: balance in 1/10,000 USD, stock). */
export interface EsimAccessFakeOptions extends EsimAccessMockOptions, FakeOptions<EsimAccessAccountParams> {}

/** `baseUrl` is `https://api.esimaccess.com` (msw) or `http://127.0.0.1:PORT` (http). */
export type EsimAccessFake = Fake<EsimAccessMock, EsimAccessAccountParams, EsimAccessTestAccount>;

/**
 * Serving, the manual clock and the clean-up are the engine's `startFake`: nothing happens until a test calls
 * `account.advance(ms)`, then orders allocate, profiles install and webhooks are delivered.
 * @example
 * const fake = await startEsimAccessFake({ mode: 'http' });
 * const account = fake.newAccount({ balance: 500_000 });
 * const client = account.client();
 * await fake.close();
 */
export function startEsimAccessFake(options: EsimAccessFakeOptions = {}): Promise<EsimAccessFake> {
  return startFake(
    {
      realBaseUrl: ESIM_ACCESS_DEFAULT_BASE_URL,
      createMock: createEsimAccessMock,
      openAccount: openTestAccount,
    },
    options,
  );
}
