/**
 * eSIM Access: schemas, endpoint table, error codes, signing, webhooks and the typed client.
 * @module
 */

export {
  ESIM_ACCESS_DEFAULT_RATE_LIMIT,
  type EsimAccessClientOptions,
  type EsimAccessRateLimitOptions,
  type EsimAccessSigningMode,
} from './client/options.js';
export {
  defaultEsimAccessRequestId,
  type EsimAccessArgs,
  type EsimAccessCallOptions,
  type EsimAccessResult,
  isRetryableEsimAccessResponse,
} from './client/requester.js';
export { EsimAccessClient, type EsimAccessProfileIterationQuery } from './client.js';
export {
  ESIM_ACCESS_API_PREFIX,
  ESIM_ACCESS_DEFAULT_BASE_URL,
  type EsimAccessEndpoint,
  type EsimAccessEndpointName,
  type EsimAccessRetrySafety,
  esimAccessEndpoints,
  findEsimAccessEndpointByPath,
} from './endpoints.js';
export {
  type EsimAccessErrorCode,
  type EsimAccessErrorCodeInfo,
  type EsimAccessErrorKind,
  esimAccessErrorCodes,
  getEsimAccessErrorCode,
  isEsimAccessErrorCode,
  isRetryableEsimAccessCode,
} from './error-codes.js';
export {
  createEsimAccessProviderError,
  type EsimAccessProviderErrorInit,
  EsimAccessWebhookParseError,
} from './errors.js';
export {
  type EsimAccessRequestError,
  type EsimAccessRequestValidation,
  type MapEsimAccessIssueOptions,
  mapEsimAccessRequestIssue,
  validateEsimAccessRequest,
} from './request-validation.js';
export * from './schemas/index.js';
export {
  ESIM_ACCESS_DEFAULT_TIMESTAMP_WINDOW_MS,
  ESIM_ACCESS_HEADERS,
  type EsimAccessSignatureCheck,
  type EsimAccessSignatureInput,
  type EsimAccessTimestampCheck,
  esimAccessSignatureHeaders,
  isEsimAccessTimestampFresh,
  parseEsimAccessTimestamp,
  signEsimAccessRequest,
  verifyEsimAccessSignature,
} from './signing.js';
export { ESIM_ACCESS_WEBHOOK_IPS, parseEsimAccessWebhook } from './webhooks.js';
