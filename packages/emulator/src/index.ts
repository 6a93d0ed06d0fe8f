/**
 * @module
 * @esim-sandbox/emulator: the shared engine under the provider fakes. Only what the fakes, the apps, the READMEs and
 * the examples use is exported (knip checks it); the rest of `src/` is the engine's own.
 */

// Building a fake: the provider definition handed to createEmulator, and the handle it returns

export { createEmulator } from './emulator/create.js';
export type { Emulator } from './types/emulator.js';
export type {
  AccountEnv,
  AccountLookup,
  AuthResult,
  EmulatorOptions,
  ProviderDefinition,
  ProviderEnv,
  TaskHandler,
} from './types/provider.js';

// The one error root of the engine, and zod parsing that throws it naming the field (the control API's 400)

export { EmulatorError } from './errors.js';
export { parseOrThrow } from './validate.js';

// The provider kit: operation shape, runOp and its effects, answers, control-route and control-handle helpers

export { browserGuard } from './control/guard.js';
export { CONTROL_ERROR_STATUS, type ControlErrorKind } from './control/http.js';
export { answer, answerText } from './http/answer.js';
export { clientAddress } from './http/connection.js';
export {
  type AccountControl,
  accountControl,
  controlResult,
  type Refusal,
  type RefusalKind,
  refusalDoc,
  unwrap,
} from './kit/control.js';
export {
  type Effects,
  emptyEffects,
  type OpContext,
  type OpResult,
  ok,
  refuse,
  type TaskRequest,
} from './kit/op.js';
export { dispatchEffects, runOp } from './kit/run.js';
export { type ControlRoute, controlRoute, mountControlRoutes } from './openapi/control-routes.js';

// Seeded chaos: profiles, the setting (option, tenant.chaos, control API) and the runner's environment

export { chaosProfileChoice, loadChaosProfile, parseChaosEnv } from './chaos/env.js';
export { chaosFromFlags, DEFAULT_CHAOS_SEED } from './chaos/flags.js';
export {
  CHAOS_PROFILES,
  type ChaosProfile,
  type ChaosProfileName,
  type ChaosSetting,
} from './chaos/profile.js';

// Per-account state a provider and its users reach through a tenant

export type { FaultRule } from './faults/faults.js';
export type { FaultInput, WebhookFaults } from './faults/schema.js';
export type { JournalEntry, JournalFilter } from './journal/journal.js';
export { REDACTED } from './journal/redact.js';
export { qrPngResponse, renderQrPng } from './qr/qr.js';
export { hashSeed, Random } from './random/random.js';
export type { RateLimitConfig } from './ratelimit/limiter.js';
export type { TenantSnapshot } from './tenants/data.js';
export { Tenant } from './tenants/tenant.js';
export type { WebhookDelivery, WebhookEvent } from './webhooks/types.js';

// Serving: HTTP server, msw handlers, the command line and its catalogue files, API documents

export {
  /** @public The fakes' exported `catalogFile` objects have this type (their declarations name it). */
  type CatalogFileFormat,
  type CatalogFileHeader,
  catalogFileFormat,
} from './catalog/file.js';
export { sharedCatalogs } from './catalog/generated.js';
export { renderApiReference } from './openapi/html.js';
export { documentedRoutes, type RouteKey, servedRoutes } from './openapi/routes.js';
export { type CliDefinition, type CliIo, runCli } from './server/cli.js';
export { flagError } from './server/cli-options.js';
export { createMswHandlers } from './server/msw.js';
export { isLoopback, type RunningServer, type StartServerOptions, startServer } from './server/server.js';
