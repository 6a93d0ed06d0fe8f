/**
 * OpenAPI 3.1 documents of both provider APIs, generated from the schemas and tables of this package.
 * @module
 */
export { esimAccessErrorCodeRows, esimAccessOpenApiDocument } from './esimaccess.js';
export { iroamlyErrorCodeRows, iroamlyOpenApiDocument } from './iroamly.js';
export { IROAMLY_OPERATIONS, IROAMLY_PLAN_LIST, type IroamlyOperation } from './iroamly-operations.js';
export type {
  JsonSchema,
  OpenApiDocument,
  OpenApiErrorCode,
  OpenApiMethod,
  OpenApiOperation,
  OpenApiParameter,
  OpenApiPathItem,
} from './types.js';
