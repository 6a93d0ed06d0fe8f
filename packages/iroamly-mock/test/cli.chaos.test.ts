/**
 * `iroamly-mock --chaos`: the engine's flags reach this fake's accounts and its own busy answer (code -1), in process.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IroamlyClient, ProviderError } from '@esim-sandbox/core';
import { cliConformance } from '@esim-sandbox/emulator/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { runIroamlyCli } from '../src/cli.js';

const cli = cliConformance(runIroamlyCli, new URL('../package.json', import.meta.url), {
  envPrefix: 'IROAMLY_MOCK',
  defaultPort: 4020,
});
const dir = mkdtempSync(join(tmpdir(), 'iroamly-cli-chaos-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('iroamly-mock --chaos', () => {
  cli.itListsChaosFlags({ it });

  it("answers with iRoamly's request-failed code -1 when the profile's busy rule fires (ESIM_SANDBOX_CHAOS)", async () => {
    const file = join(dir, 'always-busy.json');
    writeFileSync(file, JSON.stringify({ name: 'always-busy', api: { busy: 1 } }));
    await cli.with({ env: { ESIM_SANDBOX_CHAOS: `${file}:7` } }, async ({ out, server }) => {
      expect(out.join('\n')).toMatch(/chaos: +always-busy, seed 7 /);
      const client = new IroamlyClient({
        authKey: 'demo-auth-key',
        authSecret: 'demo-auth-secret',
        baseUrl: server.url,
        retry: false,
      });
      const error = await client.queryCodes('abc-defg-hijklmnopqr').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProviderError);
      expect((error as ProviderError).code).toBe('-1');
    });
  });
});
