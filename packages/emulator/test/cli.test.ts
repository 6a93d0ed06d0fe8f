import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';

const BIN = new URL('./fixtures/counter-bin.ts', import.meta.url).pathname;
const children: ChildProcess[] = [];

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function run(args: string[], env: Record<string, string> = {}): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exit };
}

async function listening(r: Run): Promise<string> {
  for (let i = 0; i < 300; i++) {
    const m = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(r.stdout());
    if (m?.[1]) return m[1];
    if (r.child.exitCode !== null) throw new Error(`exited early: ${r.stderr()}`);
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error(`never printed "listening on": ${r.stdout()} ${r.stderr()}`);
}

describe('runCli', () => {
  test('prints exactly "listening on http://HOST:PORT", serves, and exits cleanly on SIGTERM', async () => {
    const r = run(['--port', '0', '--start', '4', '--clock', 'manual']);
    const url = await listening(r);
    // The listening line comes first (tools wait for it); the banner follows.
    expect(r.stdout().split('\n')[0]).toBe(`listening on ${url}`);
    expect(r.stdout()).toContain('key cli-key, secret …');
    const res = await fetch(`${url}/api/count`, {
      headers: { 'x-key': 'cli-key', 'x-secret': 'cli-secret' },
    });
    expect(await res.json()).toEqual({ code: '0', count: 4 });
    const clock = await (await fetch(`${url}/_sandbox/accounts/default/clock`)).json();
    expect(clock.mode).toBe('manual');
    r.child.kill('SIGTERM');
    expect(await r.exit).toBe(0);
  }, 30_000);

  test('falls back to environment variables named after the program and flag', async () => {
    const r = run([], { COUNTER_MOCK_PORT: '0', COUNTER_MOCK_KEY: 'from-env' });
    const url = await listening(r);
    const res = await fetch(`${url}/api/count`, {
      headers: { 'x-key': 'from-env', 'x-secret': 'cli-secret' },
    });
    expect(res.status).toBe(200);
    r.child.kill('SIGINT');
    expect(await r.exit).toBe(0);
  }, 30_000);

  test.each([
    [['--port', 'abc'], "--port must be an integer 0-65535, got 'abc'"],
    [['--clock', 'sometimes'], "--clock must be 'real' or 'manual'"],
    [['--rate-limit', 'fast'], '--rate-limit must be'],
    [['--start', 'x'], "--start must be an integer, got 'x'"],
    [['--bogus'], "Unknown option '--bogus'"],
  ])(
    'a bad flag %j is one clear line and exit code 2, without a stack trace',
    async (args, message) => {
      const r = run(args);
      expect(await r.exit).toBe(2);
      expect(r.stderr()).toContain(message);
      expect(r.stderr()).not.toMatch(/\n\s+at /);
    },
    30_000,
  );

  test('a corrupt state file is a clear error naming the file and exit code 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cli-state-'));
    try {
      const file = join(dir, 'state.json');
      await writeFile(file, 'garbage');
      const r = run(['--state-file', file]);
      expect(await r.exit).toBe(1);
      expect(r.stderr()).toContain(`state file ${file} is corrupt`);
      expect(r.stderr()).not.toMatch(/\n\s+at /);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 30_000);

  test('--help lists the common and provider flags with their env vars', async () => {
    const r = run(['--help']);
    expect(await r.exit).toBe(0);
    expect(r.stdout()).toContain('Usage: counter-mock [options]');
    expect(r.stdout()).toContain('--state-file FILE');
    expect(r.stdout()).toContain('env COUNTER_MOCK_START');
  }, 30_000);

  test('binding beyond loopback without a control token refuses to start', async () => {
    const r = run(['--host', '0.0.0.0', '--port', '0']);
    expect(await r.exit).toBe(1);
    expect(r.stderr()).toContain('--control-token');
  }, 30_000);
});
