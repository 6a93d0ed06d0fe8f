/**
 * The indexes at `/` and `/_sandbox`: where a person who opens the fake's base URL finds the documents, instead of
 * the provider's missing-credentials answer. Neither is a provider request, so neither reaches the journal.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createIroamlyMock } from '../src/index.js';
import type { Harness, Serve } from './contract.case.js';

const LINKS = {
  docs: '/docs',
  openapi: '/openapi.json',
  sandbox: '/_sandbox',
  sandboxDocs: '/_sandbox/docs',
  sandboxOpenapi: '/_sandbox/openapi.json',
};

export function runIndexContract(transport: string, serve: Serve): void {
  describe(`iRoamly indexes over ${transport}`, () => {
    const open: Pick<Harness, 'close'>[] = [];
    afterEach(async () => {
      await Promise.all(open.splice(0).map((h) => h.close()));
    });

    async function start() {
      const mock = createIroamlyMock({ clock: 'manual', seed: 'index' });
      const served = await serve(mock);
      open.push(served);
      return { mock, base: served.baseUrl.replace(/\/$/, '') };
    }

    it('answers GET / with links to every document, as JSON when asked and as HTML otherwise', async () => {
      const { mock, base } = await start();
      const json = await fetch(`${base}/`, { headers: { accept: 'application/json' } });
      expect(json.status).toBe(200);
      expect(await json.json()).toEqual({ name: 'iroamly (esim-sandbox fake)', links: LINKS });
      const page = await fetch(`${base}/`, { headers: { accept: 'text/html' } });
      expect(page.headers.get('content-type')).toContain('text/html');
      const html = await page.text();
      for (const href of Object.values(LINKS)) expect(html).toContain(`href="${href}"`);
      expect(mock.emulator.defaultAccount.journal.list()).toEqual([]);
    });

    it('answers GET /_sandbox with the control documents and every control route', async () => {
      const { base } = await start();
      const res = await fetch(`${base}/_sandbox`, {
        headers: { accept: 'application/json' },
      });
      expect(res.status).toBe(200);
      const index = (await res.json()) as { links: object; routes: { method: string; path: string }[] };
      expect(index.links).toEqual(LINKS);
      expect(index.routes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ method: 'GET', path: '/_sandbox/docs' }),
          expect.objectContaining({ method: 'POST', path: '/_sandbox/accounts/{account}/clock/advance' }),
          expect.objectContaining({
            method: 'POST',
            path: '/_sandbox/accounts/{account}/redemptions/fail-next',
          }),
        ]),
      );
    });

    it('links the control API from the provider reference page', async () => {
      const { base } = await start();
      const html = await (await fetch(`${base}/docs`)).text();
      expect(html).toContain('href="/_sandbox/docs"');
    });
  });
}
