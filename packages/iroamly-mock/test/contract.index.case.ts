/**
 * The indexes at `/` and `/_sandbox`: where a person who opens the fake's base URL finds the documents, instead of
 * the provider's missing-credentials answer. Neither is a provider request, so neither reaches the journal.
 */
import { checkDocsLinkControl, checkRootIndex, checkSandboxIndex } from '@esim-sandbox/emulator/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createIroamlyMock } from '../src/index.js';
import type { Harness, Serve } from './contract.case.js';

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
      await checkRootIndex(base, 'iroamly (esim-sandbox fake)');
      expect(mock.emulator.defaultAccount.journal.list()).toEqual([]);
    });

    it('answers GET /_sandbox with the control documents and every control route', async () => {
      const { base } = await start();
      await checkSandboxIndex(base, [
        { method: 'POST', path: '/_sandbox/accounts/{account}/clock/advance' },
        { method: 'POST', path: '/_sandbox/accounts/{account}/redemptions/fail-next' },
      ]);
    });

    it('links the control API from the provider reference page', async () => {
      const { base } = await start();
      await checkDocsLinkControl(base);
    });
  });
}
