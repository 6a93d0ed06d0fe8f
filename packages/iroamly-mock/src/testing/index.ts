/**
 * @module
 * `@esim-sandbox/iroamly-mock/testing`: the iRoamly fake for a test suite in one call.
 */

export {
  type FakeMode,
  type FakeSuite,
  HarnessError,
  type HarnessErrorCode,
  type TestHooks,
} from '@esim-sandbox/emulator/testing';
export type { IroamlyTestAccount } from './account.js';
export { type IroamlyFake, type IroamlyFakeOptions, startIroamlyFake } from './fake.js';
export { type UseIroamlyFakeOptions, useIroamlyFake } from './use.js';
