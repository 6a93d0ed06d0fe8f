/**
 * @esim-sandbox/contract: the fidelity kit. Contract suites for eSIM Access and iRoamly against a mock or the real
 * API with a drift report, catalogue capture for `--catalog FILE`, and record/replay of sessions as msw fixtures.
 * The suites and capture run through the `esim-contract` and `esim-capture-catalog` bins; code imports only what
 * follows.
 * @module
 */

// Errors: one root (core's), each with a discriminating `code`.
export {
  CaptureError,
  CheckSkipped,
  ContractFileError,
  PollTimeoutError,
  SpendBlockedError,
} from './errors.js';
export { readFixture } from './record/fixture.js';
// Record and replay: a live session as msw handlers in a reseller's tests (README "Record and replay").
export {
  /** @public Documented in the README's "Record and replay" (recording in a user's own tests). */
  createRecorder,
} from './record/recorder.js';
export { replayHandlers } from './record/replay.js';
