/**
 * The command's conventions, run in process with injected argv/env/output: help, version, start banner, request log.
 */
import { readFileSync } from 'node:fs';
import { IroamlyClient } from '@esim-sandbox/core';
import { describe, expect, it } from 'vitest';
import { runIroamlyCli } from '../src/index.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

function io(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const exits: number[] = [];
  return {
    out,
    exits,
    io: {
      argv,
      env,
      stdout: (l: string) => out.push(l),
      stderr: (l: string) => out.push(l),
      exit: (c: number) => exits.push(c),
      signals: false,
      isTTY: false,
    },
  };
}

async function started(argv: string[], env: Record<string, string> = {}) {
  const run = io(['--port', '0', ...argv], env);
  const server = await runIroamlyCli(run.io);
  if (!server) throw new Error(run.out.join('\n'));
  return { ...run, server };
}

/** A query of an order nobody placed: the provider's code 7. */
const queryUnknownOrder = (baseUrl: string, authSecret = 'demo-auth-secret') =>
  new IroamlyClient({ authKey: 'demo-auth-key', authSecret, baseUrl, retry: false })
    .queryCodes('abc-defg-hijklmnopqr')
    .catch(() => undefined);

describe('iroamly-mock conventions', () => {
  it.each([['--help'], ['-h']])(
    '%s lists every flag with its env var and default, and the exit codes',
    async (flag) => {
      const run = io([flag]);
      await runIroamlyCli(run.io);
      expect(run.exits).toEqual([0]);
      const help = run.out.join('\n');
      expect(help).toMatch(/--port PORT .*default 4020, env IROAMLY_MOCK_PORT/);
      expect(help).toMatch(/--log off\|pretty\|json .*env IROAMLY_MOCK_LOG/);
      expect(help).toMatch(/--show-secrets .*env IROAMLY_MOCK_SHOW_SECRETS/);
      expect(help).toMatch(/--auth-key KEY .*default demo-auth-key, env IROAMLY_MOCK_AUTH_KEY/);
      expect(help).toContain('-V, --version');
      expect(help).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 {2}usage error/);
    },
  );

  it.each([['--version'], ['-V']])('%s prints the package version and exits 0', async (flag) => {
    const run = io([flag]);
    expect(await runIroamlyCli(run.io)).toBeUndefined();
    expect(run.out).toEqual([version]);
    expect(run.exits).toEqual([0]);
  });

  it('prints the listening line first, then the banner with the secret masked and the settings in force', async () => {
    const { out, server } = await started(['--auth-secret', 'a-rather-long-secret', '--clock', 'manual']);
    try {
      expect(out[0]).toBe(`listening on ${server.url}`);
      const banner = out.join('\n');
      expect(banner).toContain(`${server.url}/docs`);
      expect(banner).toContain(`${server.url}/openapi.json`);
      expect(banner).toContain(`${server.url}/_sandbox/docs`);
      expect(banner).toContain('AuthKey demo-auth-key, AuthSecret a-rath…cret');
      expect(banner).not.toContain('a-rather-long-secret');
      expect(banner).toMatch(/clock: +manual/);
      expect(banner).toMatch(/rate limit: +off/);
      expect(banner).toMatch(/request log: +off/);
    } finally {
      await server.close();
    }
  });

  it('prints the secret in full with --show-secrets (env var too)', async () => {
    const { out, server } = await started([], { IROAMLY_MOCK_SHOW_SECRETS: '1' });
    try {
      expect(out.join('\n')).toContain('AuthSecret demo-auth-secret');
    } finally {
      await server.close();
    }
  });

  it('logs one pretty line per provider request with its code and account, and no secret', async () => {
    const { out, server } = await started(['--log', 'pretty', '--auth-secret', 'pretty-secret-key-42']);
    try {
      const before = out.length;
      await queryUnknownOrder(server.url, 'pretty-secret-key-42');
      await fetch(`${server.url}/`);
      const lines = out.slice(before);
      expect(lines).toEqual([
        expect.stringMatching(
          /^\d\d:\d\d:\d\d\.\d{3} (GET|POST) \/openapi\/codeQuery 200 code=7 \d+ms account=demo-auth-key$/,
        ),
      ]);
      expect(lines.join('\n')).not.toContain('pretty-secret-key-42');
    } finally {
      await server.close();
    }
  });

  it('logs one JSON object per line with --log json, every field present', async () => {
    const { out, server } = await started(['--log', 'json']);
    try {
      const before = out.length;
      await queryUnknownOrder(server.url, 'wrong-secret');
      const [entry, ...rest] = out.slice(before).map((l) => JSON.parse(l));
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
    } finally {
      await server.close();
    }
  });
});
