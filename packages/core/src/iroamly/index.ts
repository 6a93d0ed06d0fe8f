/**
 * iRoamly: schemas, the response-code table, Certification signing and the typed client.
 * @module
 */
export {
  IROAMLY_DEFAULT_BASE_URL,
  type IroamlyCallOptions,
  IroamlyClient,
  type IroamlyClientOptions,
  type IroamlyPurchaseInput,
  type IroamlyQrCode,
  type IroamlyRedeemQrCodeInput,
} from './client.js';
export {
  IroamlyCode,
  type IroamlyCodeInfo,
  type IroamlyCodeKind,
  type IroamlyParameterError,
  iroamlyCodeInfo,
  iroamlyCodes,
  toIroamlyParameterError,
} from './codes.js';
export { iroamlyErrorFromCode } from './decode.js';
export * from './schemas/index.js';
export {
  assertIroamlyCredentials,
  IROAMLY_AUTH_KEY_MAX_LENGTH,
  IROAMLY_AUTH_SECRET_MAX_LENGTH,
  iroamlyCertification,
  verifyIroamlyCertification,
} from './signing.js';
