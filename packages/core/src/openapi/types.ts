/**
 * The subset of OpenAPI 3.1 the generated documents use. Schemas are JSON Schema 2020-12 objects made by zod.
 * @module
 */

export type JsonSchema = { [keyword: string]: unknown };

export interface OpenApiRef {
  readonly $ref: string;
}

export interface OpenApiParameter {
  readonly name: string;
  readonly in: 'header' | 'query' | 'path';
  readonly description?: string;
  readonly required?: boolean;
  readonly schema: JsonSchema;
}

export interface OpenApiMediaType {
  readonly schema: JsonSchema;
}

export interface OpenApiRequestBody {
  readonly description?: string;
  readonly required: boolean;
  readonly content: { readonly 'application/json': OpenApiMediaType };
}

export interface OpenApiResponse {
  readonly description: string;
  readonly content?: { readonly [mediaType: string]: OpenApiMediaType };
}

export type OpenApiSecurityRequirement = { readonly [scheme: string]: readonly string[] };

export interface OpenApiOperation {
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly parameters?: readonly (OpenApiParameter | OpenApiRef)[];
  readonly requestBody?: OpenApiRequestBody;
  readonly responses: { readonly [status: string]: OpenApiResponse };
  readonly security?: readonly OpenApiSecurityRequirement[];
  readonly [extension: `x-${string}`]: unknown;
}

export type OpenApiMethod = 'get' | 'post' | 'put' | 'delete' | 'patch' | 'head' | 'options';

export type OpenApiPathItem = { readonly [method in OpenApiMethod]?: OpenApiOperation };

export interface OpenApiSecurityScheme {
  readonly type: 'apiKey' | 'http';
  readonly description?: string;
  readonly name?: string;
  readonly in?: 'header' | 'query' | 'cookie';
  readonly scheme?: string;
}

export interface OpenApiDocument {
  readonly openapi: '3.1.0';
  readonly info: { readonly title: string; readonly version: string; readonly description?: string };
  readonly jsonSchemaDialect?: string;
  readonly servers?: readonly { readonly url: string; readonly description?: string }[];
  readonly tags?: readonly { readonly name: string; readonly description?: string }[];
  readonly security?: readonly OpenApiSecurityRequirement[];
  readonly paths: { readonly [path: string]: OpenApiPathItem };
  readonly webhooks?: { readonly [name: string]: OpenApiPathItem };
  readonly components?: {
    readonly schemas?: { readonly [name: string]: JsonSchema };
    readonly parameters?: { readonly [name: string]: OpenApiParameter };
    readonly securitySchemes?: { readonly [name: string]: OpenApiSecurityScheme };
  };
  readonly [extension: `x-${string}`]: unknown;
}

/** One row of an `x-error-codes` table: the provider's code and what it means. */
export interface OpenApiErrorCode {
  readonly code: string | number;
  readonly meaning: string;
  readonly kind: string;
  readonly retryable: boolean;
  readonly unofficial?: true;
}

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';
