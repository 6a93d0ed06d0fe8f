/**
 * Crash safety: the CLI is SIGKILLed in the middle of a burst of orders and restarted from its --state-file; every
 * order the client saw acknowledged is still there, and the balance matches the orders that survived exactly.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EsimAccessClient } from '@esim-sandbox/core';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ACCESS_CODE, DEMO_SECRET_KEY } from '../src/index.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Starts the CLI and resolves with the URL it prints. */
function startCli(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/bin.ts', ...args], {
    cwd: packageDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`CLI exited with ${code}: ${err}`)));
  });
}

const client = (url: string) =>
  new EsimAccessClient({
    accessCode: DEMO_ACCESS_CODE,
    secretKey: DEMO_SECRET_KEY,
    baseUrl: url,
    retry: false,
    rateLimit: false,
  });

const BURST = 400;

describe('a SIGKILL during a burst of orders', () => {
  it('loses no acknowledged order after a restart from the state file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'esimaccess-mock-'));
    dirs.push(dir);
    const args = [
      '--port',
      '0',
      '--clock',
      'manual',
      '--seed',
      'crash',
      // A load test: the burst must reach the orders, not the 8 req/s limit.
      '--rate-limit',
      'off',
      '--state-file',
      join(dir, 'state.json'),
    ];
    const first = await startCli(args);
    const live = client(first.url);
    const { balance: initial } = await live.getBalance();
    const [chosen] = await live.listPackages({ packageCode: '', locationCode: 'JP' });
    expect(chosen).toBeDefined();
    const acknowledged: string[] = [];
    // Far more orders than can be answered before the kill lands, even on a loaded machine.
    const burst = Array.from({ length: BURST }, (_, i) =>
      live
        .order({
          transactionId: `crash-${i}`,
          packageInfoList: [{ packageCode: chosen!.packageCode, count: 1 }],
        })
        .then(({ orderNo }) => {
          acknowledged.push(orderNo);
          if (acknowledged.length === 20) first.child.kill('SIGKILL');
        }),
    );
    await Promise.allSettled(burst);
    // The crash really cut the burst short: some orders never got an answer.
    expect(acknowledged.length).toBeGreaterThanOrEqual(20);
    expect(acknowledged.length).toBeLessThan(BURST);

    const second = await startCli(args);
    const res = await fetch(`${second.url}/_sandbox/accounts/default/orders`);
    const { orders } = (await res.json()) as { orders: { orderNo: string; amount: number }[] };
    const survived = new Set(orders.map((o) => o.orderNo));
    for (const orderNo of acknowledged) expect(survived.has(orderNo)).toBe(true);
    const { balance } = await client(second.url).getBalance();
    expect(balance).toBe(initial - orders.length * chosen!.price);
  }, 60_000);
});
