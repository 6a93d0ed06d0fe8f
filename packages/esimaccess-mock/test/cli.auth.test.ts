/**
 * The command's fidelity, auth and rate-limit flags, run in process: what each start answers through the control API
 * and the provider API.
 */
import { describe, expect, it } from 'vitest';
import { runEsimAccessCli } from '../src/cli.js';

function io(argv: string[]) {
  const err: string[] = [];
  const exits: number[] = [];
  return {
    err,
    exits,
    io: {
      argv: ['--port', '0', ...argv],
      env: {},
      stdout: () => undefined,
      stderr: (l: string) => err.push(l),
      exit: (c: number) => exits.push(c),
      signals: false,
    },
  };
}

async function started(argv: string[], check: (url: string) => Promise<void>): Promise<void> {
  const server = await runEsimAccessCli(io(argv).io);
  if (!server) throw new Error(`the CLI did not start with ${argv.join(' ')}`);
  try {
    await check(server.url);
  } finally {
    await server.close();
  }
}

const json = async (url: string, init?: RequestInit) => (await fetch(url, init)).json();

const accessCodeAlone = (url: string) =>
  json(`${url}/api/v1/open/balance/query`, {
    method: 'POST',
    headers: { 'RT-AccessCode': 'demo-access-code' },
    body: '{}',
  });

describe('esimaccess-mock CLI: fidelity, auth and rate limit', () => {
  it.each([
    { argv: [], rateLimit: { limit: 8, windowMs: 1000 } },
    { argv: ['--rate-limit', 'off'], rateLimit: null },
    { argv: ['--rate-limit', '8'], rateLimit: { limit: 8, windowMs: 1000 } },
    { argv: ['--rate-limit', '20/500'], rateLimit: { limit: 20, windowMs: 500 } },
  ])('starts with $argv and a rate limit of $rateLimit', async ({ argv, rateLimit }) => {
    await started(argv, async (url) => {
      expect(await json(`${url}/_sandbox/accounts/default/rate-limit`)).toEqual({ rateLimit });
    });
  });

  it.each([
    {
      argv: [],
      alone: { success: true },
      auth: { signature: 'access-code-only', timestampClock: 'caller', timestampWindowMs: 600_000 },
    },
    {
      argv: ['--fidelity', 'documented'],
      alone: { errorCode: '000101' },
      auth: { signature: 'hmac', timestampClock: 'caller', timestampWindowMs: 600_000 },
    },
    {
      argv: ['--signature', 'hmac', '--timestamp-clock', 'virtual', '--timestamp-window', '1000'],
      alone: { errorCode: '000101' },
      auth: { signature: 'hmac', timestampClock: 'virtual', timestampWindowMs: 1000 },
    },
    {
      argv: ['--fidelity', 'documented', '--signature', 'unverified'],
      alone: { success: true },
      auth: { signature: 'unverified', timestampClock: 'caller', timestampWindowMs: 600_000 },
    },
  ])('starts with $argv: RT-AccessCode alone answers $alone', async ({ argv, alone, auth }) => {
    await started(argv, async (url) => {
      expect(await accessCodeAlone(url)).toMatchObject(alone);
      expect(await json(`${url}/_sandbox/auth`)).toMatchObject({ auth });
    });
  });

  it.each([
    [['--fidelity', 'strict'], '--fidelity'],
    [['--signature', 'none'], '--signature'],
    [['--timestamp-clock', 'server'], '--timestamp-clock'],
    [['--timestamp-window', 'soon'], '--timestamp-window'],
  ])('refuses %j with exit code 2 and a message naming the flag', async (argv, flag) => {
    const run = io(argv);
    expect(await runEsimAccessCli(run.io)).toBeUndefined();
    expect(run.exits).toEqual([2]);
    expect(run.err[0]).toContain(flag);
  });
});
