/**
 * The eSIM Access OpenAPI 3.1 document, generated from the endpoint table, the zod schemas, the error-code table
 * and the webhook union. Nothing here restates a shape.
 * @module
 */
import { z } from 'zod';
import { ESIM_ACCESS_DEFAULT_RATE_LIMIT } from '../esimaccess/client/options.js';
import {
  ESIM_ACCESS_DEFAULT_BASE_URL,
  type EsimAccessEndpointName,
  esimAccessEndpoints,
} from '../esimaccess/endpoints.js';
import { type EsimAccessErrorCode, esimAccessErrorCodes } from '../esimaccess/error-codes.js';
import {
  esimAccessBytesSchema,
  esimAccessDateTimeSchema,
  esimAccessMoneySchema,
  esimAccessTransactionIdSchema,
} from '../esimaccess/schemas/common.js';
import {
  esimAccessFailureEnvelopeSchema,
  esimAccessSuccessEnvelopeSchema,
} from '../esimaccess/schemas/envelope.js';
import { esimAccessLocationSchema } from '../esimaccess/schemas/locations.js';
import { esimAccessPackageSchema } from '../esimaccess/schemas/packages.js';
import { esimAccessProfileSchema } from '../esimaccess/schemas/profiles.js';
import { esimAccessUsageSchema } from '../esimaccess/schemas/usage.js';
import { ESIM_ACCESS_DEFAULT_TIMESTAMP_WINDOW_MS, ESIM_ACCESS_HEADERS } from '../esimaccess/signing.js';
import { ESIM_ACCESS_WEBHOOK_IPS } from '../esimaccess/webhooks.js';
import { ESIM_ACCESS_OPERATION_TEXT, ESIM_ACCESS_TAGS } from './esimaccess-text.js';
import { esimAccessWebhookComponents, esimAccessWebhooks } from './esimaccess-webhooks.js';
import { pascalCase, schemaRef, toComponentSchemas } from './schema.js';
import {
  JSON_SCHEMA_DIALECT,
  type OpenApiDocument,
  type OpenApiErrorCode,
  type OpenApiOperation,
  type OpenApiPathItem,
} from './types.js';

const FAILURE = 'EsimAccessFailureEnvelope';
const TIMESTAMP = 'RTTimestamp';
const REQUEST_ID = 'RTRequestID';

const names = Object.keys(esimAccessEndpoints) as EsimAccessEndpointName[];

/** The error-code table as `x-error-codes` rows. */
export function esimAccessErrorCodeRows(): OpenApiErrorCode[] {
  return sortedCodes()
    .map((code) => esimAccessErrorCodes[code])
    .map((info) => ({
      code: info.code,
      meaning: info.meaning,
      kind: info.kind,
      retryable: info.retryable,
      ...('unofficial' in info ? { unofficial: true as const } : {}),
    }));
}

/** Code order; the table's own key order puts codes without leading zeros first (JavaScript's integer keys). */
function sortedCodes(): EsimAccessErrorCode[] {
  return (Object.keys(esimAccessErrorCodes) as EsimAccessErrorCode[]).sort();
}

const descriptions = new Map<z.core.$ZodType, string>([
  [esimAccessMoneySchema, 'Money: an integer in 1/10,000 USD (10000 = $1.00).'],
  [esimAccessBytesSchema, 'Bytes.'],
  [esimAccessDateTimeSchema, 'ISO-8601 date-time, e.g. 2024-05-29T18:34:17+0000.'],
  [esimAccessTransactionIdSchema, 'Your unique id for the request; repeating it repeats the same request.'],
]);

function components() {
  const failure = esimAccessFailureEnvelopeSchema.extend({
    errorCode: z.enum(sortedCodes()),
  });
  const named: Record<string, z.ZodType> = {
    EsimAccessPackage: esimAccessPackageSchema,
    EsimAccessLocation: esimAccessLocationSchema,
    EsimAccessProfile: esimAccessProfileSchema,
    EsimAccessUsage: esimAccessUsageSchema,
    ...esimAccessWebhookComponents(),
    [FAILURE]: failure,
  };
  for (const name of names) {
    const endpoint = esimAccessEndpoints[name];
    named[`EsimAccess${pascalCase(name)}Request`] = endpoint.request;
    named[`EsimAccess${pascalCase(name)}Response`] = esimAccessSuccessEnvelopeSchema(endpoint.response);
  }
  const schemas = toComponentSchemas(named, { descriptions });
  schemas[FAILURE] = {
    ...schemas[FAILURE],
    description:
      'Every error arrives in an HTTP 200 envelope with success false. errorCode is one of `x-error-codes`.',
    'x-error-codes': esimAccessErrorCodeRows(),
  };
  return schemas;
}

function operation(name: EsimAccessEndpointName): OpenApiOperation {
  const text = ESIM_ACCESS_OPERATION_TEXT[name];
  const prefix = `EsimAccess${pascalCase(name)}`;
  return {
    operationId: name,
    summary: text.summary,
    ...(text.description ? { description: text.description } : {}),
    tags: [text.tag],
    parameters: [
      { $ref: `#/components/parameters/${TIMESTAMP}` },
      { $ref: `#/components/parameters/${REQUEST_ID}` },
    ],
    requestBody: {
      required: true,
      description: 'A JSON object (`{}` when the endpoint takes no parameters).',
      content: { 'application/json': { schema: schemaRef(`${prefix}Request`) } },
    },
    responses: {
      '200': {
        description:
          'Always HTTP 200: the success envelope with `obj`, or the failure envelope with the provider code.',
        content: {
          'application/json': { schema: { oneOf: [schemaRef(`${prefix}Response`), schemaRef(FAILURE)] } },
        },
      },
    },
    'x-retry-safety': esimAccessEndpoints[name].retry,
  };
}

const SIGNATURE_DESCRIPTION =
  `Lowercase hex HMAC-SHA256, keyed by your secret key, of ${ESIM_ACCESS_HEADERS.timestamp} + ` +
  `${ESIM_ACCESS_HEADERS.requestId} + ${ESIM_ACCESS_HEADERS.accessCode} + the exact request body bytes. ` +
  `Sent with ${ESIM_ACCESS_HEADERS.timestamp} and ${ESIM_ACCESS_HEADERS.requestId}. A wrong signature answers 101003, ` +
  'a stale timestamp 101001.';

/**
 * @example
 * const doc = esimAccessOpenApiDocument();
 * Object.keys(doc.paths); // ['/api/v1/open/package/list', ...]
 */
export function esimAccessOpenApiDocument(): OpenApiDocument {
  const paths: Record<string, OpenApiPathItem> = {};
  for (const name of names) paths[esimAccessEndpoints[name].path] = { post: operation(name) };
  const rate = ESIM_ACCESS_DEFAULT_RATE_LIMIT;
  return {
    openapi: '3.1.0',
    info: {
      title: 'eSIM Access partner API',
      version: 'v1',
      description:
        'Every endpoint is a POST with a JSON body and answers HTTP 200 with the envelope ' +
        '`{success, errorCode, errorMsg, obj}`. Money is an integer in 1/10,000 USD; volumes are bytes. ' +
        `Rate limit: ${rate.limit} requests per ${rate.windowMs} ms. Generated from ` +
        '@esim-sandbox/core.',
    },
    jsonSchemaDialect: JSON_SCHEMA_DIALECT,
    servers: [{ url: ESIM_ACCESS_DEFAULT_BASE_URL, description: 'eSIM Access' }],
    tags: ESIM_ACCESS_TAGS,
    // Two documented modes: the access code alone, or the access code with an HMAC signature.
    security: [{ RTAccessCode: [], RTSignature: [] }, { RTAccessCode: [] }],
    paths,
    webhooks: esimAccessWebhooks(ESIM_ACCESS_WEBHOOK_IPS),
    components: {
      schemas: components(),
      parameters: {
        [TIMESTAMP]: {
          name: ESIM_ACCESS_HEADERS.timestamp,
          in: 'header',
          required: false,
          description:
            'Milliseconds since the epoch (10-digit seconds are accepted too); required with RT-Signature. ' +
            `Accepted within ${ESIM_ACCESS_DEFAULT_TIMESTAMP_WINDOW_MS / 60_000} minutes of the server clock.`,
          schema: { type: 'string', pattern: '^\\d{10,13}$' },
        },
        [REQUEST_ID]: {
          name: ESIM_ACCESS_HEADERS.requestId,
          in: 'header',
          required: false,
          description: 'A fresh UUID v4 per request; required with RT-Signature.',
          schema: { type: 'string', minLength: 1 },
        },
      },
      securitySchemes: {
        RTAccessCode: {
          type: 'apiKey',
          in: 'header',
          name: ESIM_ACCESS_HEADERS.accessCode,
          description: 'Your access code.',
        },
        RTSignature: {
          type: 'apiKey',
          in: 'header',
          name: ESIM_ACCESS_HEADERS.signature,
          description: SIGNATURE_DESCRIPTION,
        },
      },
    },
    'x-error-codes': esimAccessErrorCodeRows(),
  };
}
