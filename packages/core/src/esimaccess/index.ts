/**
 * eSIM Access (`@esim-sandbox/core/esimaccess`): client, tables, validation, signing, webhooks, schemas.
 * Every public name is listed here, grouped by concern; anything not listed is internal.
 * @module
 */

export type { EsimAccessClientOptions } from './client/options.js';
export { defaultEsimAccessRequestId } from './client/requester.js';
// The typed client and its options
export { EsimAccessClient } from './client.js';
// Tables: endpoints and error codes
export {
  ESIM_ACCESS_DEFAULT_BASE_URL,
  type EsimAccessEndpointName,
  esimAccessEndpoints,
  findEsimAccessEndpointByPath,
} from './endpoints.js';
export {
  type EsimAccessErrorCode,
  type EsimAccessErrorKind,
  esimAccessErrorCodes,
  getEsimAccessErrorCode,
  isEsimAccessErrorCode,
} from './error-codes.js';
// Errors raised for this provider
export { EsimAccessWebhookParseError } from './errors.js';
// Request validation, shared with the fake
/** @public (the whole statement): the README documents mapEsimAccessRequestIssue */
export { mapEsimAccessRequestIssue, validateEsimAccessRequest } from './request-validation.js';
// Wire schemas (zod) and their types
export type { EsimAccessBalanceObj } from './schemas/balance.js';
export {
  type EsimAccessEsimStatus,
  type EsimAccessSmdpStatus,
  esimAccessEsimStatusSchema,
  esimAccessSmdpStatusSchema,
} from './schemas/common.js';
export {
  buildEsimAccessFailureEnvelope,
  buildEsimAccessSuccessEnvelope,
  esimAccessEnvelopeSchema,
  readEsimAccessEnvelope,
} from './schemas/envelope.js';
export {
  type EsimAccessLocation,
  type EsimAccessLocationListObj,
  esimAccessLocationSchema,
} from './schemas/locations.js';
export type { EsimAccessOrderObj, EsimAccessOrderRequest } from './schemas/orders.js';
export {
  type EsimAccessPackage,
  type EsimAccessPackageListObj,
  type EsimAccessPackageListRequest,
  esimAccessPackageSchema,
} from './schemas/packages.js';
export type { EsimAccessProfileActionRequest, EsimAccessSendSmsRequest } from './schemas/profile-actions.js';
export {
  type EsimAccessProfile,
  type EsimAccessProfileQueryObj,
  type EsimAccessProfileQueryRequest,
  esimAccessProfileSchema,
} from './schemas/profiles.js';
export {
  type EsimAccessTopUpObj,
  type EsimAccessTopUpRequest,
  esimAccessTopUpObjSchema,
} from './schemas/topup.js';
export {
  ESIM_ACCESS_MAX_USAGE_QUERY,
  type EsimAccessUsage,
  type EsimAccessUsageQueryObj,
  type EsimAccessUsageQueryRequest,
} from './schemas/usage.js';
export type {
  EsimAccessCheckHealthWebhook,
  EsimAccessDataUsageWebhook,
  EsimAccessEsimStatusWebhook,
  EsimAccessOrderStatusWebhook,
  EsimAccessSmdpEventWebhook,
  EsimAccessValidityUsageWebhook,
  EsimAccessWebhookPayload,
} from './schemas/webhook-payloads.js';
// Signing and webhooks
export {
  ESIM_ACCESS_DEFAULT_TIMESTAMP_WINDOW_MS,
  ESIM_ACCESS_HEADERS,
  esimAccessSignatureHeaders,
  isEsimAccessTimestampFresh,
  parseEsimAccessTimestamp,
  signEsimAccessRequest,
  verifyEsimAccessSignature,
} from './signing.js';
export { ESIM_ACCESS_WEBHOOK_IPS, parseEsimAccessWebhook } from './webhooks.js';
