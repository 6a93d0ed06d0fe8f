/**
 * @module
 * `@esim-sandbox/iroamly-mock/testing`: the iRoamly fake for a test suite in one call.
 */

export type { FakeMode } from '@esim-sandbox/emulator/testing';
export type { IroamlyTestAccount } from './account.js';
export { startIroamlyFake } from './fake.js';
export {
  expectPurchasesChargedOnce,
  expectPurchasesHaveCodes,
  purchaseChargeViolations,
  purchaseCodeViolations,
} from './invariants.js';
export { useIroamlyFake } from './use.js';
