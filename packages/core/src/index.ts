/**
 * @esim-sandbox/core: schemas, error tables, signing and typed clients for eSIM Access and iRoamly.
 * @module
 */

export { exitAfterOutput, type FlushableOutput, flushed } from './cli/exit.js';
export {
  AbortError,
  AuthenticationError,
  ConnectionError,
  EsimSandboxError,
  InvalidArgumentError,
  ProviderError,
  type ProviderErrorInit,
  type ProviderName,
  RateLimitError,
  ResponseValidationError,
  SignatureError,
  TimeoutError,
  type ValidationIssue,
} from './errors.js';
export * from './esimaccess/index.js';
export * from './http/index.js';
export * from './iroamly/index.js';
export * from './openapi/index.js';
