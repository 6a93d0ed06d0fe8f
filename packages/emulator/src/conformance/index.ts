/**
 * @module
 * A conformance kit for fakes built on the engine (re-exported by `@esim-sandbox/emulator/testing`): checks a third
 * provider's fake reuses as is. Each check is runner-agnostic (it throws `node:assert` errors), so call it from a
 * test named for what it shows.
 */
export {
  type BannerConventions,
  type CapturedCli,
  type CliArgs,
  type CliRunner,
  captureCli,
  checkBanner,
  checkCliHelp,
  checkCliVersion,
  cliConformance,
  type HelpConventions,
  linesDuring,
  packageVersion,
  type StartedCli,
  startCli,
  withCli,
} from './cli.js';
export {
  BUILT_IN_NAMES,
  type ControlRoute,
  type ControlRoutesSuite,
  type ControlTarget,
  checkControlDocument,
  controlRoutes,
  describeControlRoutes,
  type FuzzControlRoutesOptions,
  fuzzControlRoutes,
  STACK_TRACE,
  type StartedControlFake,
  type SuiteRunner,
} from './control-fuzz.js';
export { checkDocsLinkControl, checkRootIndex, checkSandboxIndex, INDEX_LINKS } from './indexes.js';
export {
  checkRestoreRefused,
  checkStateFileRefused,
  type RestoreRefusal,
  type StateBreak,
  type StateRecords,
} from './state.js';
