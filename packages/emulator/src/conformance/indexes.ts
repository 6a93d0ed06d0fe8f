/**
 * @module
 * The indexes at `/` and `/_sandbox` of a served fake: where a person who opens its base URL finds the documents.
 */
import assert from 'node:assert/strict';
import type { ControlRoute } from './control-fuzz.js';

/** The documents every fake links from both indexes. */
export const INDEX_LINKS = {
  docs: '/docs',
  openapi: '/openapi.json',
  sandbox: '/_sandbox',
  sandboxDocs: '/_sandbox/docs',
  sandboxOpenapi: '/_sandbox/openapi.json',
};

/** `GET /` answers JSON `{ name, links }` when asked and an HTML page linking them otherwise; returns the page. */
export async function checkRootIndex(baseUrl: string, name: string): Promise<string> {
  const json = await fetch(`${baseUrl}/`, { headers: { accept: 'application/json' } });
  assert.equal(json.status, 200);
  assert.deepEqual(await json.json(), { name, links: INDEX_LINKS });
  const page = await fetch(`${baseUrl}/`, { headers: { accept: 'text/html' } });
  assert.match(page.headers.get('content-type') ?? '', /text\/html/);
  const html = await page.text();
  for (const href of Object.values(INDEX_LINKS)) assert.ok(html.includes(`href="${href}"`), href);
  return html;
}

/** `GET /_sandbox` answers the same links and the control routes, `routes` among them. */
export async function checkSandboxIndex(baseUrl: string, routes: readonly ControlRoute[]): Promise<void> {
  const res = await fetch(`${baseUrl}/_sandbox`, { headers: { accept: 'application/json' } });
  assert.equal(res.status, 200);
  const index = (await res.json()) as { links: object; routes: ControlRoute[] };
  assert.deepEqual(index.links, INDEX_LINKS);
  for (const { method, path } of [{ method: 'GET', path: '/_sandbox/docs' }, ...routes]) {
    assert.ok(
      index.routes.some((r) => r.method === method && r.path === path),
      `${method} ${path} is not listed`,
    );
  }
}

/** The provider reference page links the control API's. */
export async function checkDocsLinkControl(baseUrl: string): Promise<void> {
  const html = await (await fetch(`${baseUrl}/docs`)).text();
  assert.ok(html.includes('href="/_sandbox/docs"'));
}
