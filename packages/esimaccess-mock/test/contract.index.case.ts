/**
 * The indexes at `/` and `/_sandbox`: where a person who opens the fake's base URL finds the documents, instead of
 * the provider's missing-header error. Neither is a provider request, so neither reaches the journal.
 */
import { checkDocsLinkControl, checkRootIndex, checkSandboxIndex } from '@esim-sandbox/emulator/testing';
import { describe, expect, it } from 'vitest';
import type { MakeHarness } from './support/harness.js';

export function runIndexContract(mode: string, make: MakeHarness): void {
  describe(`indexes (${mode})`, () => {
    it('answers GET / with links to every document, as JSON when asked and as HTML otherwise', async () => {
      const h = await make();
      try {
        const html = await checkRootIndex(h.baseUrl, 'esimaccess (esim-sandbox fake)');
        expect(html).not.toContain('000101');
        expect(h.account.tenant.journal.list()).toEqual([]);
      } finally {
        await h.close();
      }
    });

    it('answers GET /_sandbox with the control documents and every control route', async () => {
      const h = await make();
      try {
        await checkSandboxIndex(h.baseUrl, [
          { method: 'POST', path: '/_sandbox/accounts/{account}/clock/advance' },
          { method: 'PUT', path: '/_sandbox/auth' },
        ]);
      } finally {
        await h.close();
      }
    });

    it('links the control API from the provider reference page', async () => {
      const h = await make();
      try {
        await checkDocsLinkControl(h.baseUrl);
      } finally {
        await h.close();
      }
    });
  });
}
