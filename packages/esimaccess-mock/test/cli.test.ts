/**
 * The `esimaccess-mock` command, run in process with injected argv/env/output.
 */
import { describe, expect, it } from 'vitest';
import { runEsimAccessCli } from '../src/cli.js';

function io(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const exits: number[] = [];
  return {
    out,
    err,
    exits,
    io: {
      argv,
      env,
      stdout: (l: string) => out.push(l),
      stderr: (l: string) => err.push(l),
      exit: (c: number) => exits.push(c),
      signals: false,
    },
  };
}

describe('esimaccess-mock CLI', () => {
  it('starts with the given credentials and balance and prints where it listens', async () => {
    const run = io(['--port', '0', '--access-code', 'cli-code', '--secret-key', 'cli-secret'], {
      ESIMACCESS_MOCK_BALANCE: '4242',
    });
    const server = await runEsimAccessCli(run.io);
    try {
      // The listening line comes first (tools wait for it); the banner follows.
      expect(run.out[0]).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${server!.url}/api/v1/open/balance/query`, {
        method: 'POST',
        headers: { 'RT-AccessCode': 'cli-code' },
        body: '{}',
      });
      // The live default accepts RT-AccessCode alone (the documented "key in header" mode).
      expect(await res.json()).toMatchObject({ success: true, obj: { balance: 4242 } });
    } finally {
      await server?.close();
    }
  });

  it.each([
    [['--balance', 'lots'], '--balance'],
    [['--signature', 'none'], '--signature'],
    [['--allocation-delay', '-1'], '--allocation-delay'],
  ])('refuses %j with exit code 2 and a message naming the flag', async (argv, flag) => {
    const run = io(['--port', '0', ...argv]);
    expect(await runEsimAccessCli(run.io)).toBeUndefined();
    expect(run.exits).toEqual([2]);
    expect(run.err[0]).toContain(flag);
  });
});
