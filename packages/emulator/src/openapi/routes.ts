/**
 * @module
 * Route lists for coverage checks: what a Hono app serves and what a document describes, in one comparable form
 * (`{ method: 'POST', path: '/a/{id}' }`). Wildcard entries (middleware, catch-all 404s) are not routes.
 */
import { toOpenApiPath } from './control-document.js';

export interface RouteKey {
  /** Upper case; `ALL` for a route that answers every method. */
  readonly method: string;
  /** OpenAPI syntax: `/accounts/{account}`. */
  readonly path: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const byKey = (routes: RouteKey[]): RouteKey[] => {
  const seen = new Map(routes.map((r) => [`${r.method} ${r.path}`, r]));
  return [...seen.values()].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
};

/** A Hono app of any env: only its route table is read. */
export function servedRoutes(app: {
  readonly routes: readonly { method: string; path: string }[];
}): RouteKey[] {
  return byKey(
    app.routes
      .filter((r) => !r.path.includes('*'))
      .map((r) => ({ method: r.method.toUpperCase(), path: toOpenApiPath(r.path) })),
  );
}

/** Every operation of `doc.paths` (not its webhooks, which the server sends rather than serves). */
export function documentedRoutes(doc: object): RouteKey[] {
  const paths = (doc as { paths?: Record<string, Record<string, unknown>> }).paths ?? {};
  return byKey(
    Object.entries(paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((method) => METHODS.includes(method))
        .map((method) => ({ method: method.toUpperCase(), path })),
    ),
  );
}
