/**
 * The iRoamly OpenAPI 3.1 document, generated from the operation list, core's zod schemas and the code table.
 * @module
 */
import { z } from 'zod';
import { IROAMLY_DEFAULT_BASE_URL } from '../iroamly/client.js';
import { IroamlyCode, iroamlyCodes } from '../iroamly/codes.js';
import {
  IroamlyRedeemCodeStatus,
  iroamlyErrorResponseSchema,
  iroamlyPlanSchema,
  iroamlyRedeemCodeSchema,
  iroamlyRedeemCodeStatusSchema,
} from '../iroamly/schemas/responses.js';
import { IROAMLY_AUTH_KEY_MAX_LENGTH, IROAMLY_AUTH_SECRET_MAX_LENGTH } from '../iroamly/signing.js';
import {
  IROAMLY_OPERATIONS,
  IROAMLY_PLAN_LIST,
  IROAMLY_TAGS,
  type IroamlyOperation,
} from './iroamly-operations.js';
import { pascalCase, schemaRef, toComponentSchemas, toInlineSchema } from './schema.js';
import {
  JSON_SCHEMA_DIALECT,
  type JsonSchema,
  type OpenApiDocument,
  type OpenApiErrorCode,
  type OpenApiOperation,
  type OpenApiParameter,
  type OpenApiPathItem,
} from './types.js';

const ERROR = 'IroamlyErrorResponse';

export function iroamlyErrorCodeRows(): OpenApiErrorCode[] {
  return iroamlyCodes.map((info) => ({
    code: info.code,
    meaning: info.meaning,
    kind: info.kind,
    retryable: info.retryable,
  }));
}

const statusText = Object.entries(IroamlyRedeemCodeStatus)
  .map(([name, value]) => `${value} ${name.toLowerCase().replace(/_/g, ' ')}`)
  .join(', ');

function components(): Record<string, JsonSchema> {
  const errorCodes = iroamlyCodes.map((c) => c.code).filter((code) => code !== IroamlyCode.SUCCESS);
  const named: Record<string, z.ZodType> = {
    IroamlyPlan: iroamlyPlanSchema,
    IroamlyRedeemCode: iroamlyRedeemCodeSchema,
    [ERROR]: iroamlyErrorResponseSchema.extend({ code: z.literal(errorCodes as [number, ...number[]]) }),
  };
  for (const op of [...IROAMLY_OPERATIONS, IROAMLY_PLAN_LIST]) {
    named[`Iroamly${pascalCase(op.id)}Request`] = op.request;
    named[`Iroamly${pascalCase(op.id)}Response`] = op.response;
  }
  const schemas = toComponentSchemas(named, {
    descriptions: new Map<z.core.$ZodType, string>([
      [iroamlyRedeemCodeStatusSchema, `Redeem code status: ${statusText}.`],
    ]),
  });
  schemas[ERROR] = {
    ...schemas[ERROR],
    description: 'Any answer that is not a success: `code` is one of `x-error-codes`, `msg` says why.',
    'x-error-codes': iroamlyErrorCodeRows().filter((row) => row.code !== IroamlyCode.SUCCESS),
  };
  return schemas;
}

/**
 * Every top-level field of a request as a query parameter. A list (productList, codeList) travels as JSON text,
 * since a query string only carries text; the mock reads it the same way.
 */
function queryParameters(op: IroamlyOperation): { parameters: OpenApiParameter[]; lists: string[] } {
  const schema = toInlineSchema(op.request);
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  const parameters: OpenApiParameter[] = [];
  const lists: string[] = [];
  for (const [name, property] of Object.entries(properties)) {
    const isList = property.type === 'array' || property.type === 'object';
    if (isList) lists.push(name);
    parameters.push({
      name,
      in: 'query',
      required: required.has(name),
      schema: property,
      ...(isList ? { description: `JSON text of the ${property.type}` } : {}),
    });
  }
  return { parameters, lists };
}

function answers(op: IroamlyOperation) {
  return {
    '200': {
      description: 'HTTP 200: the success body (`code` 1) or an error body with the code.',
      content: {
        'application/json': {
          schema: { oneOf: [schemaRef(`Iroamly${pascalCase(op.id)}Response`), schemaRef(ERROR)] },
        },
      },
    },
  };
}

function postOperation(op: IroamlyOperation): OpenApiOperation {
  return {
    operationId: op.id,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    requestBody: {
      required: true,
      content: { 'application/json': { schema: schemaRef(`Iroamly${pascalCase(op.id)}Request`) } },
    },
    responses: answers(op),
  };
}

function getOperation(op: IroamlyOperation): OpenApiOperation {
  const { parameters, lists } = queryParameters(op);
  const note = lists.length
    ? ` A list travels as JSON text: ${lists.map((n) => `\`${n}=[...]\``).join(', ')}, URL-encoded.`
    : '';
  return {
    operationId: `${op.id}ByQuery`,
    summary: `${op.summary} (query string)`,
    description:
      `${op.description ? `${op.description} ` : ''}The same call with its parameters in the query string ` +
      `(the spec allows GET / POST).${note}`,
    tags: [op.tag],
    parameters,
    responses: answers(op),
  };
}

function planListOperation(): OpenApiOperation {
  const op = IROAMLY_PLAN_LIST;
  return {
    operationId: op.id,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    security: [],
    parameters: queryParameters(op).parameters,
    responses: {
      '200': {
        description: 'The plans: a bare JSON array, no `{code, msg}` envelope.',
        content: { 'application/json': { schema: schemaRef(`Iroamly${pascalCase(op.id)}Response`) } },
      },
      '404': {
        description: 'No plans for the region (some answers are `[]` with HTTP 200 instead).',
        content: { 'application/json': { schema: schemaRef(ERROR) } },
      },
    },
  };
}

/**
 * @example
 * const doc = iroamlyOpenApiDocument();
 * doc.paths['/openapi/purchaseCode']?.post?.operationId; // 'purchaseCode'
 */
export function iroamlyOpenApiDocument(): OpenApiDocument {
  const paths: Record<string, OpenApiPathItem> = {};
  for (const op of IROAMLY_OPERATIONS) paths[op.path] = { get: getOperation(op), post: postOperation(op) };
  paths[IROAMLY_PLAN_LIST.path] = { get: planListOperation() };
  return {
    openapi: '3.1.0',
    info: {
      title: 'iRoamly reseller API',
      version: '1.2',
      description:
        'JSON over HTTPS. Every answer of the authenticated endpoints is `{code, msg, ...}`: code 1 is success, ' +
        'the others are listed in `x-error-codes`. Generated from @esim-sandbox/core.',
    },
    jsonSchemaDialect: JSON_SCHEMA_DIALECT,
    servers: [{ url: IROAMLY_DEFAULT_BASE_URL, description: 'iRoamly' }],
    tags: IROAMLY_TAGS,
    security: [{ AuthKey: [], Certification: [] }],
    paths,
    components: {
      schemas: components(),
      securitySchemes: {
        AuthKey: {
          type: 'apiKey',
          in: 'header',
          name: 'AuthKey',
          description: `Your AuthKey (at most ${IROAMLY_AUTH_KEY_MAX_LENGTH} characters).`,
        },
        Certification: {
          type: 'apiKey',
          in: 'header',
          name: 'Certification',
          description:
            'Lowercase hex SHA-256 of AuthKey + AuthSecret (the secret is at most ' +
            `${IROAMLY_AUTH_SECRET_MAX_LENGTH} characters). A static credential: keep it as secret as AuthSecret.`,
        },
      },
    },
    'x-error-codes': iroamlyErrorCodeRows(),
  };
}
