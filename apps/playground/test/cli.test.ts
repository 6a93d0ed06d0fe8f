/**
 * The two commands as a user runs them: `pnpm start` (tsx src/main.ts) and `pnpm scenario`.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const APP_DIR = new URL('..', import.meta.url).pathname;
const execFileAsync = promisify(execFile);
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

function tsx(args: string[], env: NodeJS.ProcessEnv = {}) {
  return execFileAsync(process.execPath, ['--import', 'tsx', ...args], {
    cwd: APP_DIR,
    env: { ...process.env, ...env },
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );
}

/** Starts the playground, resolves with its banner once it prints "Press Ctrl+C". */
function start(args: string[]): Promise<{ child: ChildProcess; banner: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], { cwd: APP_DIR });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Press Ctrl+C')) resolve({ child, banner: out });
    });
    child.once('exit', (code) => reject(new Error(`exited ${code} before listening: ${out}`)));
  });
}

describe('pnpm start', () => {
  it('prints the dashboard, both fakes with demo credentials and the sink, serves them, and stops on SIGTERM', async () => {
    const { child, banner } = await start(['--port', '0']);
    const dashboard = /dashboard\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1];
    expect(dashboard).toBeDefined();
    expect(banner).toMatch(
      /eSIM Access\s+http:\/\/127\.0\.0\.1:\d+\s+access code demo-access-code\s+secret key demo-secret-key/,
    );
    expect(banner).toMatch(
      /iRoamly\s+http:\/\/127\.0\.0\.1:\d+\s+AuthKey demo-auth-key\s+AuthSecret demo-auth-secret/,
    );
    expect(banner).toMatch(/webhook sink\s+http:\/\/127\.0\.0\.1:\d+\/webhooks\//);
    expect((await fetch(dashboard!)).status).toBe(200);
    const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('exits 1 naming --port when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await tsx([
        'src/main.ts',
        '--port',
        String(port),
        '--esimaccess-port',
        '0',
        '--iroamly-port',
        '0',
        '--sink-port',
        '0',
      ]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`port ${port} on 127.0.0.1 is in use`);
      expect(result.stderr).toContain('--port');
    } finally {
      blocker.close();
    }
  });

  it('exits 2 with the usage on a bad flag', async () => {
    const result = await tsx(['src/main.ts', '--clock', 'sideways']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--clock: must be 'real' or 'manual'");
    expect(result.stderr).toContain('Usage:');
  });
});

describe('pnpm scenario', () => {
  it('lists the scenarios and exits 2 without a name', async () => {
    const result = await tsx(['src/scenario/cli.ts']);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('esimaccess-happy-path');
    expect(result.stdout).toContain('iroamly-redeem');
  });

  it('exits 2 for an unknown scenario', async () => {
    const result = await tsx(['src/scenario/cli.ts', 'no-such-thing']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown scenario no-such-thing');
  });

  it('exits 1 with a clear message when PLAYGROUND_URL has no playground', async () => {
    const result = await tsx(['src/scenario/cli.ts', 'iroamly-redeem'], {
      PLAYGROUND_URL: 'http://127.0.0.1:9',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no playground answers at http://127.0.0.1:9');
  });

  it('runs a scenario on a private playground and exits 0', async () => {
    const result = await tsx(['src/scenario/cli.ts', 'iroamly-redeem'], { PLAYGROUND_URL: '' });
    expect(result.stdout).toContain('✔ iroamly-redeem passed');
    expect(result.code).toBe(0);
  });
});
