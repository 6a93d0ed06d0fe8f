/**
 * iRoamly (`@esim-sandbox/core/iroamly`): client, response codes, signing, schemas.
 * Every public name is listed here, grouped by concern; anything not listed is internal.
 * @module
 */

// The typed client and its options
export { IROAMLY_DEFAULT_BASE_URL, IroamlyClient, type IroamlyClientOptions } from './client.js';
// Tables: the response codes
export { IroamlyCode, iroamlyCodeInfo, iroamlyCodes, toIroamlyParameterError } from './codes.js';
// Wire schemas (zod) and their types
export {
  IROAMLY_MAX_CODES_PER_PURCHASE,
  type IroamlyPurchaseCodeRequest,
  type IroamlyRedeemQrcodeRequest,
  iroamlyCodeQueryRequestSchema,
  iroamlyPlanListQuerySchema,
  iroamlyPurchaseCodeRequestSchema,
  iroamlyQrcodeQueryRedeemCode,
  iroamlyQrcodeQueryRequestSchema,
  iroamlyRedeemQrcodeRequestSchema,
} from './schemas/requests.js';
export {
  type IroamlyCodeQueryResponse,
  type IroamlyPlan,
  type IroamlyPlanListResponse,
  type IroamlyPurchaseCodeResponse,
  type IroamlyQrcodeQueryResponse,
  type IroamlyRedeemCode,
  IroamlyRedeemCodeStatus,
  type IroamlyRedeemQrcodeResponse,
  iroamlyCodeQueryResponseSchema,
  iroamlyEnvelopeSchema,
  iroamlyErrorResponseSchema,
  iroamlyPlanListResponseSchema,
  iroamlyPlanSchema,
  iroamlyPurchaseCodeResponseSchema,
  iroamlyQrcodeQueryResponseSchema,
  iroamlyRedeemQrcodeResponseSchema,
} from './schemas/responses.js';
// Signing and webhooks
export {
  assertIroamlyCredentials,
  IROAMLY_AUTH_KEY_MAX_LENGTH,
  iroamlyCertification,
  verifyIroamlyCertification,
} from './signing.js';
