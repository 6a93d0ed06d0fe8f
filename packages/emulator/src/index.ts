/**
 * @module
 * @esim-sandbox/emulator: the shared engine under the provider fakes.
 */

export {
  CATALOG_FILE_FORMAT,
  CATALOG_FILE_VERSION,
  type CatalogFileFormat,
  type CatalogFileHeader,
  catalogFileFlag,
  catalogFileFormat,
  catalogFileHeader,
  parseCatalogFileText,
  readCatalogFileWith,
} from './catalog/file.js';
export type { ClockData, ClockMode } from './clock/clock.js';
export { Clock } from './clock/clock.js';
export type { Task } from './clock/scheduler.js';
export { Scheduler } from './clock/scheduler.js';
export { type BrowserGuardOptions, browserGuard } from './control/guard.js';
export type { ControlErrorBody, ControlErrorKind } from './control/http.js';
export { CONTROL_ERROR_STATUS, readJson, readQuery } from './control/http.js';

export { answer, answerText } from './emulator/answer.js';
export { createEmulator, DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS } from './emulator/create.js';
export type { EmulatorErrorCode } from './errors.js';
export { EmulatorError } from './errors.js';
export type { FaultDecision, FaultRule } from './faults/faults.js';
export { Faults } from './faults/faults.js';
export { globMatch } from './faults/match.js';
export type { FaultAction, FaultInput, WebhookFaultSpec, WebhookFaults } from './faults/schema.js';
export { faultInputSchema, webhookFaultsSchema } from './faults/schema.js';
export { type ConnectionInfo, clientAddress } from './http/connection.js';
export {
  jsonRequestLine,
  prettyRequestLine,
  REQUEST_LOG_MODES,
  type RequestLogEntry,
  type RequestLogMode,
} from './http/request-log.js';
/** zod parsing that throws INVALID_ARGUMENT naming the field (the control API's 400); for provider control inputs. */
export { parseOrThrow } from './internal/validate.js';
export type { JournalEntry, JournalFilter, JournalListener } from './journal/journal.js';
export { Journal } from './journal/journal.js';
export type { RedactionRules } from './journal/redact.js';
export { REDACTED, Redactor } from './journal/redact.js';
/** The provider kit: operation shape, runOp and its effects, control-route and control-handle helpers. */
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
  type Operation,
  type OpResult,
  ok,
  refuse,
  type TaskRequest,
} from './kit/op.js';
export { dispatchEffects, type RunOptions, runOp, type WebhookRouting } from './kit/run.js';
export type { ControlDocumentOptions } from './openapi/control-document.js';
export {
  buildControlOpenApiDocument,
  controlErrorSchema,
  controlRoutesWithPaths,
} from './openapi/control-document.js';
export type { ControlRoute, ControlRouteSpec } from './openapi/control-routes.js';
export { controlRoute, mountControlRoutes } from './openapi/control-routes.js';
export { ENGINE_ACCOUNT_ROUTES, ENGINE_GLOBAL_ROUTES } from './openapi/engine-routes.js';
export { renderApiReference } from './openapi/html.js';
export type { RouteKey } from './openapi/routes.js';
export { documentedRoutes, servedRoutes } from './openapi/routes.js';
export type { ApiDocSources } from './openapi/serve.js';
export { registerApiDocs } from './openapi/serve.js';
export type { StateFileContent } from './persistence/state-file.js';
export { qrPngResponse, renderQrPng } from './qr/qr.js';
export { hashSeed, Random } from './random/random.js';
export type { RateLimitConfig } from './ratelimit/limiter.js';
export { RateLimiter } from './ratelimit/limiter.js';
export { type BannerLine, maskSecret } from './server/banner.js';
export type { CliDefinition, CliIo, CliServerSetup } from './server/cli.js';
export { runCli } from './server/cli.js';
export type { CliFlag, CliFlags } from './server/cli-options.js';
export { EXIT_CODES, flagError, parseRateLimit } from './server/cli-options.js';
export { createMswHandlers } from './server/msw.js';
export type { RunningServer, StartServerOptions } from './server/server.js';
export { isLoopback, startServer } from './server/server.js';
export type { TenantData, TenantSnapshot } from './tenants/data.js';
export { Tenant } from './tenants/tenant.js';
export type { Emulator } from './types/emulator.js';
export type {
  ControlMethod,
  ControlRouteDoc,
  OpenApiDocumentLike,
  ProviderControlDocs,
} from './types/openapi.js';
export type {
  AccountEnv,
  AccountLookup,
  AuthResult,
  EmulatorOptions,
  InitContext,
  Logger,
  ProviderDefinition,
  ProviderEnv,
  TaskHandler,
} from './types/provider.js';
export type {
  DeliveryChange,
  DeliveryListener,
  DeliveryState,
  WebhookAttempt,
  WebhookDelivery,
  WebhookEvent,
  WebhookPayload,
} from './webhooks/types.js';
export { Webhooks } from './webhooks/webhooks.js';
