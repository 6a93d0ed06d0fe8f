/**
 * `@esim-sandbox/esimaccess-mock/testing`: the eSIM Access fake for a test suite in one call.
 * @module
 */

export {
  type FakeMode,
  type FakeSuite,
  HarnessError,
  type HarnessErrorCode,
  type TestHooks,
} from '@esim-sandbox/emulator/testing';
export type { EsimAccessTestAccount } from './account.js';
export { type EsimAccessFake, type EsimAccessFakeOptions, startEsimAccessFake } from './fake.js';
export { type UseEsimAccessFakeOptions, useEsimAccessFake } from './use.js';
