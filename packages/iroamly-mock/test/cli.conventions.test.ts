/**
 * The command's conventions, run in process with injected argv/env/output: help, version, start banner, request log.
 */
import { IroamlyClient } from '@esim-sandbox/core';
import { checkBanner, cliConformance, linesDuring } from '@esim-sandbox/emulator/testing';
import { describe, expect, it } from 'vitest';
import { runIroamlyCli } from '../src/cli.js';

const cli = cliConformance(runIroamlyCli, new URL('../package.json', import.meta.url), {
  envPrefix: 'IROAMLY_MOCK',
  defaultPort: 4020,
  more: [/--auth-key KEY .*default demo-auth-key, env IROAMLY_MOCK_AUTH_KEY/],
});

/** A query of an order nobody placed: the provider's code 7. */
const queryUnknownOrder = (baseUrl: string, authSecret = 'demo-auth-secret') =>
  new IroamlyClient({ authKey: 'demo-auth-key', authSecret, baseUrl, retry: false })
    .queryCodes('abc-defg-hijklmnopqr')
    .catch(() => undefined);

describe('iroamly-mock conventions', () => {
  cli.itHandlesHelpAndVersion({ it });

  it('prints the listening line first, then the banner with the secret masked and the settings in force', async () => {
    await cli.with(
      ['--auth-secret', 'a-rather-long-secret', '--clock', 'manual'],
      async ({ out, server }) => {
        checkBanner(out, server.url, {
          credentials: 'AuthKey demo-auth-key, AuthSecret a-rath…cret',
          secret: 'a-rather-long-secret',
          settings: [/clock: +manual/, /rate limit: +off/, /request log: +off/],
        });
      },
    );
  });

  it('prints the secret in full with --show-secrets (env var too)', async () => {
    await cli.with({ env: { IROAMLY_MOCK_SHOW_SECRETS: '1' } }, async ({ out }) => {
      expect(out.join('\n')).toContain('AuthSecret demo-auth-secret');
    });
  });

  it('logs one pretty line per provider request with its code and account, and no secret', async () => {
    await cli.with(['--log', 'pretty', '--auth-secret', 'pretty-secret-key-42'], async ({ out, server }) => {
      const lines = await linesDuring(out, async () => {
        await queryUnknownOrder(server.url, 'pretty-secret-key-42');
        await fetch(`${server.url}/`);
      });
      expect(lines).toEqual([
        expect.stringMatching(
          /^\d\d:\d\d:\d\d\.\d{3} (GET|POST) \/openapi\/codeQuery 200 code=7 \d+ms account=demo-auth-key$/,
        ),
      ]);
      expect(lines.join('\n')).not.toContain('pretty-secret-key-42');
    });
  });

  it('logs one JSON object per line with --log json, every field present', async () => {
    await cli.with(['--log', 'json'], async ({ out, server }) => {
      const lines = await linesDuring(out, () => queryUnknownOrder(server.url, 'wrong-secret'));
      const [entry, ...rest] = lines.map((l) => JSON.parse(l));
      expect(rest).toEqual([]);
      expect(entry).toEqual({
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        method: expect.stringMatching(/^(GET|POST)$/),
        path: '/openapi/codeQuery',
        status: expect.any(Number),
        providerCode: expect.any(String),
        ms: expect.any(Number),
        account: null,
      });
      expect(out.join('\n')).not.toMatch(/demo-auth-secret|wrong-secret/);
    });
  });
});
