/**
 * @module
 * @esim-sandbox/playground: both fake providers, a webhook sink and a live dashboard in one process, plus the
 * scenario runner that drives them with packages/core's clients.
 */
export { scenarios } from '../scenarios/index.js';
export type { Print, Scenario, ScenarioContext } from '../scenarios/steps.js';
export { check, defineScenario, ScenarioFailure, Steps } from '../scenarios/steps.js';
export { type ParsedFlags, parseFlags } from './cli/flags.js';
export { runStart, type StartIo } from './cli/start.js';
export { PlaygroundError, type PlaygroundErrorCode } from './errors.js';
export { createAccount, SandboxAccount } from './scenario/control.js';
export { accountKey, runScenario, type ScenarioResult } from './scenario/run.js';
export {
  EsimAccessSandbox,
  type EsimAccessSide,
  IroamlySandbox,
  type IroamlySide,
  openEsimAccess,
  openIroamly,
  SinkInbox,
} from './scenario/sides.js';
export {
  connectPlayground,
  type ScenarioTarget,
  startOwnPlayground,
  targetFromEnv,
} from './scenario/target.js';
export type { PlaygroundConfig } from './server/app.js';
export {
  DEFAULT_PORT,
  type Playground,
  type PlaygroundOptions,
  startPlayground,
} from './server/playground.js';
export type { Credentials, ProviderName, ProviderSource } from './server/sources.js';
export { createSinkApp, type SinkMessage, startWebhookSink, type WebhookSink } from './sink/sink.js';
