/**
 * @module
 * The document routes every emulator serves: the provider API's document at `/openapi.json` and `/docs`, the
 * control API's at `/_sandbox/openapi.json` and `/_sandbox/docs`, and two indexes that point to them (`/` and
 * `/_sandbox`). Mounted ahead of the provider pipeline and the control token, so they need no credentials and never
 * reach the journal. Each document is built once, on first use.
 */
import type { Context, Hono } from 'hono';
import type { OpenApiDocumentLike, ProviderControlDocs } from '../types/openapi.js';
import { controlRoutesWithPaths, toOpenApiPath } from './control-document.js';
import { renderApiReference } from './html.js';
import { escapeHtml } from './html-schema.js';

export interface ApiDocSources {
  /** The provider's name, shown by the indexes. */
  readonly name: string;
  /** The provider API's document; without it `/openapi.json` and `/docs` stay provider paths. */
  readonly provider?: () => OpenApiDocumentLike;
  readonly control: () => OpenApiDocumentLike;
  /** The provider's own control routes, listed by the `/_sandbox` index. */
  readonly controlRoutes?: ProviderControlDocs | undefined;
}

interface Link {
  readonly href: string;
  readonly label: string;
}

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}

function serve(app: Hono, prefix: string, make: () => OpenApiDocumentLike, links: readonly Link[]): void {
  const document = once(make);
  const page = once(() => renderApiReference(document(), { jsonUrl: `${prefix}/openapi.json`, links }));
  app.get(`${prefix}/openapi.json`, (c) => c.json(document()));
  app.get(`${prefix}/docs`, (c) => c.html(page()));
}

/** JSON for a client that asks for it, else a small HTML page of the same links. */
function linkIndex(c: Context, title: string, links: Record<string, Link>, extra: object = {}): Response {
  if ((c.req.header('accept') ?? '').includes('application/json')) {
    return c.json({
      name: title,
      links: Object.fromEntries(Object.entries(links).map(([k, l]) => [k, l.href])),
      ...extra,
    });
  }
  const items = Object.values(links)
    .map((l) => `<li><a href="${escapeHtml(l.href)}">${escapeHtml(l.href)}</a> ${escapeHtml(l.label)}</li>`)
    .join('');
  return c.html(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
      `<body><h1>${escapeHtml(title)}</h1><ul>${items}</ul></body></html>`,
  );
}

export function registerApiDocs(app: Hono, sources: ApiDocSources): void {
  const links: Record<string, Link> = {
    ...(sources.provider
      ? {
          docs: { href: '/docs', label: 'the provider API, as a web page' },
          openapi: { href: '/openapi.json', label: 'the provider API, as OpenAPI 3.1' },
        }
      : {}),
    sandbox: { href: '/_sandbox', label: 'index of the sandbox control API' },
    sandboxDocs: { href: '/_sandbox/docs', label: 'the sandbox control API, as a web page' },
    sandboxOpenapi: { href: '/_sandbox/openapi.json', label: 'the sandbox control API, as OpenAPI 3.1' },
  };
  const title = `${sources.name} (esim-sandbox fake)`;
  // The real providers serve nothing at `/` (their APIs live under a prefix), so the index hides no provider answer.
  app.get('/', (c) => linkIndex(c, title, links));
  const routes = once(() =>
    controlRoutesWithPaths(sources.controlRoutes).map(({ path, route }) => ({
      method: route.method.toUpperCase(),
      path: toOpenApiPath(path),
      summary: route.summary,
    })),
  );
  app.get('/_sandbox', (c) =>
    linkIndex(c, `${sources.name} sandbox control API`, links, { routes: routes() }),
  );
  serve(app, '/_sandbox', sources.control, [
    ...(sources.provider ? [{ href: '/docs', label: 'provider API' }] : []),
    { href: '/', label: 'index' },
  ]);
  if (sources.provider) {
    serve(app, '', sources.provider, [
      { href: '/_sandbox/docs', label: 'sandbox control API' },
      { href: '/', label: 'index' },
    ]);
  }
}
