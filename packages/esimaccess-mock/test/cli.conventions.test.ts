/**
 * The command's conventions, run in process with injected argv/env/output: help, version, start banner, request log.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runEsimAccessCli } from '../src/index.js';

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
  const server = await runEsimAccessCli(run.io);
  if (!server) throw new Error(run.out.join('\n'));
  return { ...run, server };
}

const balance = (url: string, accessCode = 'demo-access-code') =>
  fetch(`${url}/api/v1/open/balance/query`, {
    method: 'POST',
    headers: { 'RT-AccessCode': accessCode },
    body: '{}',
  });

describe('esimaccess-mock conventions', () => {
  it.each([['--help'], ['-h']])(
    '%s lists every flag with its env var and default, and the exit codes',
    async (flag) => {
      const run = io([flag]);
      await runEsimAccessCli(run.io);
      expect(run.exits).toEqual([0]);
      const help = run.out.join('\n');
      expect(help).toMatch(/--port PORT .*default 4010, env ESIMACCESS_MOCK_PORT/);
      expect(help).toMatch(/--log off\|pretty\|json .*env ESIMACCESS_MOCK_LOG/);
      expect(help).toMatch(/--show-secrets .*env ESIMACCESS_MOCK_SHOW_SECRETS/);
      expect(help).toMatch(/--fidelity live\|documented .*default live/);
      expect(help).toContain('-V, --version');
      expect(help).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 {2}usage error/);
    },
  );

  it.each([['--version'], ['-V']])('%s prints the package version and exits 0', async (flag) => {
    const run = io([flag]);
    expect(await runEsimAccessCli(run.io)).toBeUndefined();
    expect(run.out).toEqual([version]);
    expect(run.exits).toEqual([0]);
  });

  it('prints the listening line first, then the banner with the secret masked and the settings in force', async () => {
    const { out, server } = await started([
      '--secret-key',
      'a-rather-long-secret',
      '--fidelity',
      'documented',
      '--clock',
      'manual',
    ]);
    try {
      expect(out[0]).toBe(`listening on ${server.url}`);
      const banner = out.join('\n');
      expect(banner).toContain(`${server.url}/docs`);
      expect(banner).toContain(`${server.url}/openapi.json`);
      expect(banner).toContain(`${server.url}/_sandbox/docs`);
      expect(banner).toContain('access code demo-access-code, secret key a-rath…cret');
      expect(banner).not.toContain('a-rather-long-secret');
      expect(banner).toMatch(/clock: +manual/);
      expect(banner).toMatch(/fidelity: +documented/);
      expect(banner).toMatch(/signature: +hmac/);
      expect(banner).toMatch(/rate limit: +8 requests per 1000 ms/);
      expect(banner).toMatch(/request log: +off/);
    } finally {
      await server.close();
    }
  });

  it('prints the secret in full with --show-secrets, and the rate limit given', async () => {
    const { out, server } = await started(['--show-secrets', '--rate-limit', 'off']);
    try {
      expect(out.join('\n')).toContain('secret key demo-secret-key');
      expect(out.join('\n')).toMatch(/rate limit: +off/);
    } finally {
      await server.close();
    }
  });

  it('logs one pretty line per provider request, with no secret and nothing for the documents', async () => {
    const { out, server } = await started(['--log', 'pretty', '--secret-key', 'pretty-secret-key-42']);
    try {
      const before = out.length;
      await balance(server.url);
      await balance(server.url, 'nobody');
      await fetch(`${server.url}/docs`);
      const lines = out.slice(before);
      expect(lines).toEqual([
        expect.stringMatching(
          /^\d\d:\d\d:\d\d\.\d{3} POST \/api\/v1\/open\/balance\/query 200 \d+ms account=demo-access-code$/,
        ),
        expect.stringMatching(/^\S+ POST \/api\/v1\/open\/balance\/query 200 code=401001 \d+ms account=-$/),
      ]);
      expect(lines.join('\n')).not.toContain('pretty-secret-key-42');
    } finally {
      await server.close();
    }
  });

  it('logs one JSON object per line with --log json (env var too), every field present', async () => {
    const { out, server } = await started([], { ESIMACCESS_MOCK_LOG: 'json' });
    try {
      const before = out.length;
      await balance(server.url, 'nobody');
      expect(out.slice(before).map((l) => JSON.parse(l))).toEqual([
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
    } finally {
      await server.close();
    }
  });

  it('refuses an unknown --log mode with exit code 2 naming the flag', async () => {
    const run = io(['--port', '0', '--log', 'loud']);
    expect(await runEsimAccessCli(run.io)).toBeUndefined();
    expect(run.exits).toEqual([2]);
    expect(run.out[0]).toContain("--log must be one of off, pretty, json, got 'loud'");
  });
});
