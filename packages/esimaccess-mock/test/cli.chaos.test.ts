/**
 * `esimaccess-mock --chaos`: the engine's flags reach this fake's accounts and its own busy code answers, in process.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliConformance } from '@esim-sandbox/emulator/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { runEsimAccessCli } from '../src/cli.js';

const cli = cliConformance(runEsimAccessCli, new URL('../package.json', import.meta.url), {
  envPrefix: 'ESIMACCESS_MOCK',
  defaultPort: 4010,
});
const dir = mkdtempSync(join(tmpdir(), 'esimaccess-cli-chaos-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const balance = (url: string) =>
  fetch(`${url}/api/v1/open/balance/query`, {
    method: 'POST',
    headers: { 'RT-AccessCode': 'demo-access-code' },
    body: '{}',
  });

describe('esimaccess-mock --chaos', () => {
  cli.itListsChaosFlags({ it });

  it("answers with eSIM Access's busy code 900001 when a profile file's busy rule fires", async () => {
    const file = join(dir, 'always-busy.json');
    writeFileSync(file, JSON.stringify({ name: 'always-busy', api: { busy: 1 } }));
    await cli.with(['--chaos', file, '--chaos-seed', '7'], async ({ out, server }) => {
      expect(out.join('\n')).toMatch(/chaos: +always-busy, seed 7 /);
      const body = (await (await balance(server.url)).json()) as { success: boolean; errorCode: string };
      expect(body).toMatchObject({ success: false, errorCode: '900001' });
    });
  });
});
