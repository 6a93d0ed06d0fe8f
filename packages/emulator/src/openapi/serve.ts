/**
 * @module
 * The document routes every emulator serves: the provider API's document at `/openapi.json` and `/docs`, the
 * control API's at `/_sandbox/openapi.json` and `/_sandbox/docs`. Mounted ahead of the provider pipeline and the
 * control token, so they need no credentials and never reach the journal. Each document is built once, on first use.
 */
import type { Hono } from 'hono';
import { renderApiReference } from './html.js';
import type { OpenApiDocumentLike } from './types.js';

export interface ApiDocSources {
  /** The provider API's document; without it `/openapi.json` and `/docs` stay provider paths. */
  readonly provider?: () => OpenApiDocumentLike;
  readonly control: () => OpenApiDocumentLike;
}

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}

function serve(app: Hono, prefix: string, make: () => OpenApiDocumentLike): void {
  const document = once(make);
  const page = once(() => renderApiReference(document(), { jsonUrl: `${prefix}/openapi.json` }));
  app.get(`${prefix}/openapi.json`, (c) => c.json(document()));
  app.get(`${prefix}/docs`, (c) => c.html(page()));
}

export function registerApiDocs(app: Hono, sources: ApiDocSources): void {
  serve(app, '/_sandbox', sources.control);
  if (sources.provider) serve(app, '', sources.provider);
}
