/**
 * @module
 * The control API's OpenAPI 3.1 document: the engine's routes plus the provider's, each described as data, every
 * body and query schema converted from its zod schema by `z.toJSONSchema` (input side: what a caller sends).
 */
import { z } from 'zod';
import { CONTROL_ERROR_STATUS, type ControlErrorBody } from '../control/http.js';
import type { ControlRouteDoc, ProviderControlDocs } from '../types/openapi.js';
import { ENGINE_ACCOUNT_ROUTES, ENGINE_GLOBAL_ROUTES } from './engine-routes.js';

const CONTROL_PREFIX = '/_sandbox';
const ACCOUNT_PREFIX = `${CONTROL_PREFIX}/accounts/:account`;

type Json = Record<string, unknown>;

export const controlErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
}) satisfies z.ZodType<ControlErrorBody>;

/** zod's string checks with no JSON Schema format of their own also emit a pattern; the format would mislead. */
const ZOD_ONLY_FORMATS = new Set(['starts_with', 'ends_with', 'includes']);

function toJsonSchema(schema: z.ZodType): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'throw',
    override: ({ jsonSchema }) => {
      if (typeof jsonSchema.format === 'string' && ZOD_ONLY_FORMATS.has(jsonSchema.format)) {
        delete jsonSchema.format;
      }
    },
  }) as Json;
  return rest;
}

/** `/accounts/:account` -> `/accounts/{account}`. */
export function toOpenApiPath(honoPath: string): string {
  return honoPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function joinPath(prefix: string, path: string): string {
  return path === '/' ? prefix : `${prefix}${path}`;
}

const PARAMETER_TEXT: Record<string, string> = {
  account: 'Account id (its key), or `default` for the default account.',
};

function operationId(method: string, path: string): string {
  const words = path
    .replace(CONTROL_PREFIX, '')
    .split(/[/.-]/)
    .filter(Boolean)
    .map((part) => (part.startsWith(':') ? `By-${part.slice(1)}` : part))
    .flatMap((part) => part.split('-'));
  return [method, ...words].map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
}

const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/ControlError' } } };

function operation(route: ControlRouteDoc, fullPath: string, defaultTag: string): Json {
  const pathParams = [...fullPath.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
  const parameters: Json[] = pathParams.map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
    ...(PARAMETER_TEXT[name] ? { description: PARAMETER_TEXT[name] } : {}),
  }));
  if (route.query) {
    const query = toJsonSchema(route.query);
    const required = new Set((query.required ?? []) as string[]);
    for (const [name, schema] of Object.entries((query.properties ?? {}) as Record<string, Json>)) {
      parameters.push({ name, in: 'query', required: required.has(name), schema });
    }
  }
  const responses: Record<string, Json> = {
    [String(route.response.status ?? 200)]: {
      description: route.response.description,
      ...(route.response.schema
        ? { content: { 'application/json': { schema: toJsonSchema(route.response.schema) } } }
        : {}),
    },
  };
  if (route.body || route.query) {
    responses[CONTROL_ERROR_STATUS.invalid] = {
      description: 'Invalid input; `error.field` names it.',
      content: errorContent,
    };
  }
  if (!route.public) {
    responses['401'] = { description: 'Missing or wrong control token.', content: errorContent };
  }
  if (pathParams.includes('account')) {
    responses[CONTROL_ERROR_STATUS.not_found] = { description: 'Unknown account.', content: errorContent };
  }
  for (const error of route.errors ?? []) {
    const known = responses[String(error.status)]?.description;
    responses[String(error.status)] = {
      description: known ? `${known} ${error.description}` : error.description,
      content: errorContent,
    };
  }
  return {
    operationId: operationId(route.method, fullPath),
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [route.tag ?? defaultTag],
    ...(parameters.length ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: toJsonSchema(route.body) } },
          },
        }
      : {}),
    responses,
    ...(route.public ? { security: [] } : {}),
  };
}

export interface ControlDocumentOptions {
  /** The provider's name: the title and the tag of its routes. */
  readonly provider: string;
  readonly routes?: ProviderControlDocs | undefined;
}

/** Every control route with its full path (`/_sandbox/...`, Hono syntax) and its description. */
export function controlRoutesWithPaths(
  routes: ProviderControlDocs = {},
): { path: string; route: ControlRouteDoc }[] {
  return [
    ...[...ENGINE_GLOBAL_ROUTES, ...(routes.global ?? [])].map((route) => ({
      path: joinPath(CONTROL_PREFIX, route.path),
      route,
    })),
    ...[...ENGINE_ACCOUNT_ROUTES, ...(routes.account ?? [])].map((route) => ({
      path: joinPath(ACCOUNT_PREFIX, route.path),
      route,
    })),
  ];
}

/**
 * @example
 * buildControlOpenApiDocument({ provider: 'esimaccess', routes: { account: esimAccessControlRoutes } });
 */
export function buildControlOpenApiDocument(options: ControlDocumentOptions) {
  const paths: Record<string, Record<string, Json>> = {};
  for (const { path, route } of controlRoutesWithPaths(options.routes)) {
    const key = toOpenApiPath(path);
    paths[key] = { ...paths[key], [route.method]: operation(route, path, options.provider) };
  }
  return {
    openapi: '3.1.0' as const,
    info: {
      title: `${options.provider} sandbox control API`,
      version: '1',
      description:
        'Back doors of the esim-sandbox fake, never part of the provider API: accounts, the virtual clock, the ' +
        "request journal, faults, rate limit, webhook deliveries, snapshots, and the provider's own actions. " +
        'Errors are `{ error: { code, message, field? } }`.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    // Anonymous unless the sandbox was started with a control token.
    security: [{}, { controlToken: [] }],
    paths,
    components: {
      schemas: { ControlError: toJsonSchema(controlErrorSchema) },
      securitySchemes: {
        controlToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'The control token, required only when the sandbox runs with one (`--control-token`).',
        },
      },
    },
  };
}
