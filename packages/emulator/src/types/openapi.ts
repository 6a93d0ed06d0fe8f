/**
 * @module
 * What the engine needs to know about an API document and about a documented control route. The engine renders any
 * OpenAPI 3.1 document it is given, so the provider's document only has to carry the fields every one has.
 */
import type { z } from 'zod';

/** An OpenAPI 3.x document: the engine serves it as is and reads the rest defensively when rendering it. */
export interface OpenApiDocumentLike {
  readonly openapi: string;
  readonly info: { readonly title: string; readonly version: string; readonly description?: string };
}

export type ControlMethod = 'get' | 'post' | 'put' | 'delete';

/** One control route described as data: the control document is generated from these. */
export interface ControlRouteDoc {
  readonly method: ControlMethod;
  /** Hono path relative to where the route is mounted: `/balance`, `/outbox/:id` (`/` = the mount point itself). */
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  /** Groups the route on the reference page; default: the provider's name. */
  readonly tag?: string;
  /** The JSON body, validated with this schema (400 naming the field). */
  readonly body?: z.ZodType;
  /** Query parameters, validated with this schema. */
  readonly query?: z.ZodObject;
  /** The success answer; status 200 unless given. */
  readonly response: { readonly status?: number; readonly description: string; readonly schema?: z.ZodType };
  /** Error statuses beyond the generic ones (400 bad input, 401 control token, 404 unknown account). */
  readonly errors?: readonly { readonly status: number; readonly description: string }[];
  /** Served without the control token (the documents themselves). */
  readonly public?: true;
}

/** Control routes a provider adds: directly under `/_sandbox/` and under `/_sandbox/accounts/:account/`. */
export interface ProviderControlDocs {
  readonly global?: readonly ControlRouteDoc[];
  readonly account?: readonly ControlRouteDoc[];
}
