/**
 * The command's conventions, run in process with injected argv/env/output: help, version, start banner, request log.
 */
import { checkBanner, cliConformance, linesDuring } from '@esim-sandbox/emulator/testing';
import { describe, expect, it } from 'vitest';
import { runEsimAccessCli } from '../src/cli.js';

const cli = cliConformance(runEsimAccessCli, new URL('../package.json', import.meta.url), {
  envPrefix: 'ESIMACCESS_MOCK',
  defaultPort: 4010,
  more: [/--fidelity live\|documented .*default live/],
});

const balance = (url: string, accessCode = 'demo-access-code') =>
  fetch(`${url}/api/v1/open/balance/query`, {
    method: 'POST',
    headers: { 'RT-AccessCode': accessCode },
    body: '{}',
  });

describe('esimaccess-mock conventions', () => {
  cli.itHandlesHelpAndVersion({ it });

  it('prints the listening line first, then the banner with the secret masked and the settings in force', async () => {
    await cli.with(
      ['--secret-key', 'a-rather-long-secret', '--fidelity', 'documented', '--clock', 'manual'],
      async ({ out, server }) => {
        checkBanner(out, server.url, {
          credentials: 'access code demo-access-code, secret key a-rath…cret',
          secret: 'a-rather-long-secret',
          settings: [
            /clock: +manual/,
            /fidelity: +documented/,
            /signature: +hmac/,
            /rate limit: +8 requests per 1000 ms/,
            /request log: +off/,
          ],
        });
      },
    );
  });

  it('prints the secret in full with --show-secrets, and the rate limit given', async () => {
    await cli.with(['--show-secrets', '--rate-limit', 'off'], async ({ out }) => {
      expect(out.join('\n')).toContain('secret key demo-secret-key');
      expect(out.join('\n')).toMatch(/rate limit: +off/);
    });
  });

  it('logs one pretty line per provider request, with no secret and nothing for the documents', async () => {
    await cli.with(['--log', 'pretty', '--secret-key', 'pretty-secret-key-42'], async ({ out, server }) => {
      const lines = await linesDuring(out, async () => {
        await balance(server.url);
        await balance(server.url, 'nobody');
        await fetch(`${server.url}/docs`);
      });
      expect(lines).toEqual([
        expect.stringMatching(
          /^\d\d:\d\d:\d\d\.\d{3} POST \/api\/v1\/open\/balance\/query 200 \d+ms account=demo-access-code$/,
        ),
        expect.stringMatching(/^\S+ POST \/api\/v1\/open\/balance\/query 200 code=401001 \d+ms account=-$/),
      ]);
      expect(lines.join('\n')).not.toContain('pretty-secret-key-42');
    });
  });

  it('logs one JSON object per line with --log json (env var too), every field present', async () => {
    await cli.with({ env: { ESIMACCESS_MOCK_LOG: 'json' } }, async ({ out, server }) => {
      const lines = await linesDuring(out, () => balance(server.url, 'nobody'));
      expect(lines.map((l) => JSON.parse(l))).toEqual([
        {
          time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          method: 'POST',
          path: '/api/v1/open/balance/query',
          status: 200,
          providerCode: '401001',
          ms: expect.any(Number),
          account: null,
        },
      ]);
      expect(out.join('\n')).not.toContain('demo-secret-key');
    });
  });

  it('refuses an unknown --log mode with exit code 2 naming the flag', async () => {
    const run = cli.capture(['--port', '0', '--log', 'loud']);
    expect(await runEsimAccessCli(run.io)).toBeUndefined();
    expect(run.exits).toEqual([2]);
    expect(run.out[0]).toContain("--log must be one of off, pretty, json, got 'loud'");
  });
});
