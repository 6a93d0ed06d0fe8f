/**
 * @esim-sandbox/core: schemas, error tables, signing and typed clients for eSIM Access and iRoamly.
 * Every public name is listed here, grouped by concern; anything not listed is internal.
 * @module
 */

// Command-line helpers
export { exitAfterOutput } from './cli/exit.js';
// Errors: one root (EsimSandboxError), each class with its own `code`
/** @public (the whole statement): the README documents ResponseValidationError */
export {
  AbortError,
  AuthenticationError,
  ConnectionError,
  EsimSandboxError,
  InvalidArgumentError,
  ProviderError,
  type ProviderName,
  RateLimitError,
  ResponseValidationError,
  SignatureError,
  TimeoutError,
  UsageError,
} from './errors.js';
// eSIM Access (also the `@esim-sandbox/core/esimaccess` entry)
export {
  buildEsimAccessFailureEnvelope,
  buildEsimAccessSuccessEnvelope,
  defaultEsimAccessRequestId,
  ESIM_ACCESS_DEFAULT_BASE_URL,
  ESIM_ACCESS_DEFAULT_TIMESTAMP_WINDOW_MS,
  ESIM_ACCESS_HEADERS,
  ESIM_ACCESS_MAX_USAGE_QUERY,
  ESIM_ACCESS_WEBHOOK_IPS,
  type EsimAccessBalanceObj,
  type EsimAccessCheckHealthWebhook,
  EsimAccessClient,
  type EsimAccessClientOptions,
  type EsimAccessDataUsageWebhook,
  type EsimAccessEndpointName,
  type EsimAccessErrorCode,
  type EsimAccessErrorKind,
  type EsimAccessEsimStatus,
  type EsimAccessEsimStatusWebhook,
  type EsimAccessLocation,
  type EsimAccessLocationListObj,
  type EsimAccessOrderObj,
  type EsimAccessOrderRequest,
  type EsimAccessOrderStatusWebhook,
  type EsimAccessPackage,
  type EsimAccessPackageListObj,
  type EsimAccessPackageListRequest,
  type EsimAccessProfile,
  type EsimAccessProfileActionRequest,
  type EsimAccessProfileQueryObj,
  type EsimAccessProfileQueryRequest,
  type EsimAccessSendSmsRequest,
  type EsimAccessSmdpEventWebhook,
  type EsimAccessSmdpStatus,
  type EsimAccessTopUpObj,
  type EsimAccessTopUpRequest,
  type EsimAccessUsage,
  type EsimAccessUsageQueryObj,
  type EsimAccessUsageQueryRequest,
  type EsimAccessValidityUsageWebhook,
  EsimAccessWebhookParseError,
  type EsimAccessWebhookPayload,
  esimAccessEndpoints,
  esimAccessEnvelopeSchema,
  esimAccessErrorCodes,
  esimAccessEsimStatusSchema,
  esimAccessLocationSchema,
  esimAccessPackageSchema,
  esimAccessProfileSchema,
  esimAccessSignatureHeaders,
  esimAccessSmdpStatusSchema,
  esimAccessTopUpObjSchema,
  findEsimAccessEndpointByPath,
  getEsimAccessErrorCode,
  isEsimAccessErrorCode,
  isEsimAccessTimestampFresh,
  parseEsimAccessTimestamp,
  parseEsimAccessWebhook,
  readEsimAccessEnvelope,
  signEsimAccessRequest,
  validateEsimAccessRequest,
  verifyEsimAccessSignature,
} from './esimaccess/index.js';
// HTTP plumbing shared by both clients and the fakes
export { type RateLimiter, SlidingWindowLimiter } from './http/rate-limiter.js';
export type { FetchLike } from './http/transport.js';
export { formatIssuePath, parseArguments, parseResponse, toValidationIssues } from './http/validate.js';
// iRoamly (also the `@esim-sandbox/core/iroamly` entry)
export {
  assertIroamlyCredentials,
  IROAMLY_AUTH_KEY_MAX_LENGTH,
  IROAMLY_DEFAULT_BASE_URL,
  IROAMLY_MAX_CODES_PER_PURCHASE,
  IroamlyClient,
  type IroamlyClientOptions,
  IroamlyCode,
  type IroamlyCodeQueryResponse,
  type IroamlyPlan,
  type IroamlyPlanListResponse,
  type IroamlyPurchaseCodeRequest,
  type IroamlyPurchaseCodeResponse,
  type IroamlyQrcodeQueryResponse,
  type IroamlyRedeemCode,
  IroamlyRedeemCodeStatus,
  type IroamlyRedeemQrcodeRequest,
  type IroamlyRedeemQrcodeResponse,
  iroamlyCertification,
  iroamlyCodeInfo,
  iroamlyCodeQueryRequestSchema,
  iroamlyCodeQueryResponseSchema,
  iroamlyCodes,
  iroamlyEnvelopeSchema,
  iroamlyErrorResponseSchema,
  iroamlyPlanListQuerySchema,
  iroamlyPlanListResponseSchema,
  iroamlyPlanSchema,
  iroamlyPurchaseCodeRequestSchema,
  iroamlyPurchaseCodeResponseSchema,
  iroamlyQrcodeQueryRedeemCode,
  iroamlyQrcodeQueryRequestSchema,
  iroamlyQrcodeQueryResponseSchema,
  iroamlyRedeemQrcodeRequestSchema,
  iroamlyRedeemQrcodeResponseSchema,
  toIroamlyParameterError,
  verifyIroamlyCertification,
} from './iroamly/index.js';
// OpenAPI documents generated from the tables
/** @public (the whole statement): the README documents esimAccessErrorCodeRows */
export { esimAccessErrorCodeRows, esimAccessOpenApiDocument } from './openapi/esimaccess.js';
/** @public (the whole statement): the README documents iroamlyErrorCodeRows */
export { iroamlyErrorCodeRows, iroamlyOpenApiDocument } from './openapi/iroamly.js';
export type { OpenApiDocument } from './openapi/types.js';
