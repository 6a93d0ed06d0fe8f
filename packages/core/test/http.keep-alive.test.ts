import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const SCRIPT = new URL('./scripts/rate-limited-calls.ts', import.meta.url).pathname;

function runScript(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', SCRIPT, ...args],
      { cwd: new URL('..', import.meta.url).pathname },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

describe('a script using a core client', () => {
  it('runs to completion (exit 0) when its only pending work is a rate-limiter wait', async () => {
    const calls = 4;
    const result = await runScript([String(calls)]);
    const lines = Array.from({ length: calls }, (_, i) => `call ${i + 1}: balance 1000\n`).join('');
    expect(result).toEqual({ code: 0, stdout: `${lines}done\n`, stderr: '' });
  });
});
