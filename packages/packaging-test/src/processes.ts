/**
 * Starting a packed bin the way a user's shell would (its shebang picks node) and waiting for what it prints.
 * @module
 */
import { spawn } from 'node:child_process';
import { childEnv } from './exec.js';

export interface StartedBin {
  /** The first stdout line matching the pattern. */
  line: string;
  /** Everything printed so far (stdout and stderr). */
  output(): string;
  /** Resolves once the output matches `pattern`; rejects after `timeoutMs` with the output. */
  until(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Sends the signal (default SIGTERM) and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
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
  const waiters = new Set<() => void>();
  const until = (pattern: RegExp, ms = timeoutMs) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`${path} printed nothing matching ${pattern} within ${ms} ms:\n${output}`));
      }, ms);
      const check = () => {
        if (!pattern.test(output)) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
      check();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${path} printed nothing matching ${ready} within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      for (const check of waiters) check();
      const line = output.split('\n').find((l) => ready.test(l));
      if (line === undefined) return;
      clearTimeout(timer);
      resolve({
        line,
        output: () => output,
        until,
        stop: (signal = 'SIGTERM') => {
          child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      for (const check of waiters) check();
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
