import { IroamlyClient } from '@esim-sandbox/core';
import type { RunningServer } from '@esim-sandbox/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { runIroamlyCli } from '../src/cli.js';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function run(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const exits: number[] = [];
  const started = runIroamlyCli({
    argv,
    env,
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    exit: (code) => exits.push(code),
    signals: false,
  });
  return { started, out, err, exits };
}

describe('iroamly-mock command', () => {
  it('prints the URL it listens on and serves the demo account with the given balance', async () => {
    const cli = run(['--port', '0', '--balance', '2500', '--clock', 'manual']);
    server = await cli.started;
    // The listening line comes first (tools wait for it); the banner follows.
    expect(cli.out[0]).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
    const client = new IroamlyClient({
      authKey: 'demo-auth-key',
      authSecret: 'demo-auth-secret',
      baseUrl: server!.url,
    });
    await expect(client.queryCodes('abc-defg-hijklmnopqr')).rejects.toMatchObject({ code: '7' });
    const balance = await fetch(`${server!.url}/_sandbox/accounts/default/balance`);
    expect(await balance.json()).toMatchObject({ balance: 2500 });
  });

  it('takes credentials from flags', async () => {
    const cli = run(['--port', '0', '--auth-key', 'my-key', '--auth-secret', 'my-secret']);
    server = await cli.started;
    const client = new IroamlyClient({ authKey: 'my-key', authSecret: 'my-secret', baseUrl: server!.url });
    await expect(client.queryCodes('abc-defg-hijklmnopqr')).rejects.toMatchObject({ code: '7' });
  });

  it.each([
    [['--balance', 'lots'], '--balance'],
    [['--balance', '-1'], '--balance'],
    [['--auth-key', 'k'.repeat(33)], '--auth-key'],
    [['--auth-secret', 's'.repeat(51)], '--auth-secret'],
  ])('refuses %j with exit code 2 and a message naming %s', async (argv, flag) => {
    const cli = run(['--port', '0', ...argv]);
    server = await cli.started;
    expect(server).toBeUndefined();
    expect(cli.exits).toEqual([2]);
    expect(cli.err[0]).toContain(flag);
  });
});
