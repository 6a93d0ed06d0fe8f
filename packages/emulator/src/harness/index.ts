/**
 * @module
 * The test harness both fakes' `testing` entry points are built on (re-exported by `@esim-sandbox/emulator/testing`).
 */
export { HarnessError, type HarnessErrorCode } from './errors.js';
export {
  type Fake,
  type FakeAccount,
  type FakeDefinition,
  type FakeMockOptions,
  type FakeOptions,
  type ServableMock,
  type SuiteFake,
  startFake,
  useFake,
} from './fake.js';
export { type HookCallback, type ResolvedHooks, resolveTestHooks, type TestHooks } from './hooks.js';
export { attachMswHandlers, joinMswServer, type MswServer } from './msw.js';
export { FAKE_MODES, type FakeMode, type ServedEmulator, type ServeOptions, serveEmulator } from './serve.js';
export {
  type AccountTracker,
  type FakeSuite,
  type FakeSuiteDefinition,
  registerFakeSuite,
  trackAccounts,
} from './suite.js';
