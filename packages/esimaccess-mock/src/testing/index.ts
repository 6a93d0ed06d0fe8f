/**
 * `@esim-sandbox/esimaccess-mock/testing`: the eSIM Access fake for a test suite in one call. The engine's harness
 * types (`FakeMode`, `HarnessError`...) are in `@esim-sandbox/emulator/testing`.
 * @module
 */

export type { EsimAccessTestAccount } from './account.js';
export { type EsimAccessFake, startEsimAccessFake } from './fake.js';
export {
  expectNotifyIdsAppliedOnce,
  expectOrdersChargedOnce,
  expectOrdersHaveProfiles,
  notifyIdViolations,
  orderChargeViolations,
  orderProfileViolations,
} from './invariants.js';
export { useEsimAccessFake } from './use.js';
