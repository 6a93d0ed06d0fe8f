/**
 * @esim-sandbox/contract: the fidelity kit. Contract suites for eSIM Access and iRoamly against a mock or the real
 * API with a drift report, catalogue capture for `--catalog FILE`, and record/replay of sessions as msw fixtures.
 * @module
 */

export type { EsimAccessCaptureOptions, IroamlyCaptureOptions } from './catalog/capture.js';
export {
  captureEsimAccessCatalog,
  captureIroamlyCatalog,
  DEFAULT_IROAMLY_REGIONS,
} from './catalog/capture.js';
export { esimAccessChecks, esimAccessSuite } from './checks/esimaccess.js';
export type { EsimAccessContext } from './checks/esimaccess-context.js';
export { iroamlyChecks, iroamlySuite } from './checks/iroamly.js';
export type { IroamlyContext } from './checks/iroamly-context.js';
export { runCaptureCli } from './cli/capture.js';
export { type CliIo, runContractCli } from './cli/contract.js';
export { type ContractOptions, runContract, SPEND_UNITS } from './contract.js';
export {
  CaptureError,
  CheckSkipped,
  ContractFileError,
  PollTimeoutError,
  SpendBlockedError,
  UsageError,
} from './errors.js';
export {
  FIXTURE_FORMAT,
  type Fixture,
  type FixtureEntry,
  parseFixture,
  readFixture,
  writeFixture,
} from './record/fixture.js';
export { createRecorder, type Recorder, type RecorderOptions } from './record/recorder.js';
export { REDACTED, type RedactionOptions, Redactor } from './record/redact.js';
export { bodyShape, type ReplayOptions, replayHandlers } from './record/replay.js';
export { compareReports, type DriftRow, formatDrift, formatReport } from './runner/report.js';
export { RUN_FILE_FORMAT, readRunFile, writeRunFile } from './runner/report-file.js';
export {
  reportFailed,
  runSuite,
  type Suite,
  type SuiteEnv,
  skippedReport,
  spendRefusal,
} from './runner/run.js';
export type {
  Check,
  CheckResult,
  CheckStatus,
  Facts,
  Observation,
  ProviderName,
  RunOptions,
  RunReport,
  SpendPlan,
  Target,
  TargetKind,
} from './runner/types.js';
export { createEsimAccessTarget, ESIMACCESS_ENV, type EsimAccessCredentials } from './targets/esimaccess.js';
export { createIroamlyTarget, IROAMLY_ENV, type IroamlyCredentials } from './targets/iroamly.js';
export type { TargetOptions } from './targets/shared.js';
