/**
 * The indexes at `/` and `/_sandbox`: where a person who opens the fake's base URL finds the documents, instead of
 * the provider's missing-header error. Neither is a provider request, so neither reaches the journal.
 */
import { describe, expect, it } from 'vitest';
import type { MakeHarness } from './support/harness.js';

const LINKS = {
  docs: '/docs',
  openapi: '/openapi.json',
  sandbox: '/_sandbox',
  sandboxDocs: '/_sandbox/docs',
  sandboxOpenapi: '/_sandbox/openapi.json',
};

export function runIndexContract(mode: string, make: MakeHarness): void {
  describe(`indexes (${mode})`, () => {
    it('answers GET / with links to every document, as JSON when asked and as HTML otherwise', async () => {
      const h = await make();
      try {
        const json = await fetch(`${h.baseUrl}/`, { headers: { accept: 'application/json' } });
        expect(json.status).toBe(200);
        expect(await json.json()).toEqual({ name: 'esimaccess (esim-sandbox fake)', links: LINKS });
        const page = await fetch(`${h.baseUrl}/`, { headers: { accept: 'text/html' } });
        expect(page.headers.get('content-type')).toContain('text/html');
        const html = await page.text();
        for (const href of Object.values(LINKS)) expect(html).toContain(`href="${href}"`);
        expect(html).not.toContain('000101');
        expect(h.account.tenant.journal.list()).toEqual([]);
      } finally {
        await h.close();
      }
    });

    it('answers GET /_sandbox with the control documents and every control route', async () => {
      const h = await make();
      try {
        const res = await fetch(`${h.baseUrl}/_sandbox`, { headers: { accept: 'application/json' } });
        expect(res.status).toBe(200);
        const index = (await res.json()) as { links: object; routes: { method: string; path: string }[] };
        expect(index.links).toEqual(LINKS);
        expect(index.routes).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ method: 'GET', path: '/_sandbox/docs' }),
            expect.objectContaining({ method: 'POST', path: '/_sandbox/accounts/{account}/clock/advance' }),
            expect.objectContaining({ method: 'PUT', path: '/_sandbox/auth' }),
          ]),
        );
      } finally {
        await h.close();
      }
    });

    it('links the control API from the provider reference page', async () => {
      const h = await make();
      try {
        const html = await (await fetch(`${h.baseUrl}/docs`)).text();
        expect(html).toContain('href="/_sandbox/docs"');
      } finally {
        await h.close();
      }
    });
  });
}
