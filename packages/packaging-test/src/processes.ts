/**
 * Starting a packed bin the way a user's shell would (its shebang picks node) and waiting for what it prints.
 * @module
 */
import { spawn } from 'node:child_process';
import { childEnv } from './exec.js';

export interface StartedBin {
  /** The first stdout line matching the pattern. */
  line: string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

export function startBin(
  path: string,
  args: readonly string[],
  ready: RegExp,
  timeoutMs = 30_000,
): Promise<StartedBin> {
  const child = spawn(path, args, { env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${path} printed nothing matching ${ready} within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => ready.test(l));
      if (line === undefined) return;
      clearTimeout(timer);
      resolve({
        line,
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${path} exited with ${code} before printing ${ready}:\n${output}`));
    });
  });
}
