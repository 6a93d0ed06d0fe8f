/**
 * @module
 * The dashboard's Hono app: the page, its two static assets, the event stream, the config scenarios read
 * (`GET /api/config`), and a pass-through to each fake's control API and public routes (QR images) so the page
 * talks to one origin.
 */
import { readFileSync } from 'node:fs';
import { browserGuard } from '@esim-sandbox/emulator';
import { Hono } from 'hono';
import { type PageInfo, renderPage } from '../dashboard/page.js';
import { PlaygroundError } from '../errors.js';
import { loadListPage } from '../views/lists.js';
import { PageQueryError, parsePageQuery } from '../views/paging.js';
import type { ProviderName, ProviderSource } from '../views/sources.js';
import type { ChangeFeed } from './changes.js';
import { streamEvents } from './events.js';
import type { SectionRenderer } from './sections.js';

export interface PlaygroundConfig {
  providers: Record<ProviderName, { baseUrl: string; external: boolean }>;
  sink: { url: string };
}

export interface DashboardAppDeps {
  sources: Record<ProviderName, ProviderSource>;
  render: SectionRenderer;
  changes: ChangeFeed;
  page: PageInfo;
  config: PlaygroundConfig;
  pollMs?: number;
}

const asset = (name: string) => readFileSync(new URL(`../dashboard/assets/${name}`, import.meta.url), 'utf8');
const APP_JS = asset('app.js');
const APP_CSS = `${asset('app.css')}\n${asset('components.css')}`;

function isProvider(name: string): name is ProviderName {
  return name === 'esimaccess' || name === 'iroamly';
}

/** The path after `/api/<provider>/<kind>/`, with the query string. */
function rest(url: string, prefix: string): string {
  const { pathname, search } = new URL(url);
  return `${pathname.slice(prefix.length)}${search}`;
}

export function createDashboardApp(deps: DashboardAppDeps): Hono {
  const app = new Hono();
  // The page drives the fakes' control APIs through this app: no other site (or rebound DNS name) may.
  app.use('*', browserGuard());
  app.get('/', (c) => c.html(renderPage(deps.page, new URL(c.req.url).origin)));
  app.get('/assets/app.js', (c) => c.body(APP_JS, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.get('/assets/app.css', (c) => c.body(APP_CSS, 200, { 'content-type': 'text/css; charset=utf-8' }));
  app.get('/api/config', (c) => c.json(deps.config));
  app.get('/events', (c) =>
    streamEvents(c, { render: deps.render, changes: deps.changes, pollMs: deps.pollMs ?? 1000 }),
  );

  // One page of a list, searched on the server: `?q=&page=&limit=` (the live sections use the same paging).
  app.get('/api/:provider/accounts/:account/lists/:list', async (c) => {
    const provider = c.req.param('provider');
    if (!isProvider(provider))
      return c.json({ error: { code: 'NOT_FOUND', message: `provider: no provider ${provider}` } }, 404);
    try {
      const query = parsePageQuery((name) => c.req.query(name));
      const { account, list } = c.req.param();
      return c.json(await loadListPage(deps.sources[provider], provider, account, list, query));
    } catch (error) {
      if (error instanceof PageQueryError)
        return c.json(
          { error: { code: 'INVALID_ARGUMENT', field: error.field, message: error.message } },
          400,
        );
      if (error instanceof PlaygroundError && error.code !== 'UNREACHABLE')
        return c.json({ error: { code: 'NOT_FOUND', field: error.field, message: error.message } }, 404);
      throw error;
    }
  });

  app.all('/api/:provider/sandbox/*', async (c) => {
    const provider = c.req.param('provider');
    if (!isProvider(provider))
      return c.json({ error: { code: 'NOT_FOUND', message: `no provider ${provider}` } }, 404);
    const method = c.req.method;
    const body = method === 'GET' || method === 'HEAD' ? undefined : await c.req.text();
    const res = await deps.sources[provider].request(
      `/_sandbox/${rest(c.req.url, `/api/${provider}/sandbox/`)}`,
      {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body ? { body } : {}),
      },
    );
    if (method !== 'GET') deps.changes.notify();
    return new Response(res.body, {
      status: res.status,
      headers: { 'content-type': res.headers.get('content-type') ?? 'application/json' },
    });
  });

  app.get('/api/:provider/public/*', async (c) => {
    const provider = c.req.param('provider');
    if (!isProvider(provider)) return c.notFound();
    const res = await deps.sources[provider].request(`/${rest(c.req.url, `/api/${provider}/public/`)}`);
    const headers = new Headers({
      'content-type': res.headers.get('content-type') ?? 'application/octet-stream',
    });
    if (res.ok) headers.set('cache-control', 'max-age=3600');
    return new Response(res.body, { status: res.status, headers });
  });

  return app;
}
