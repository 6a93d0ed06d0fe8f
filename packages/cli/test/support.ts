/**
 * Running the command in process against a playground on loopback: captured output, and bounded waits on
 * conditions (re-checked on every write, never a fixed sleep).
 */
import { type Playground, startPlayground } from '@esim-sandbox/playground';
import { runCli } from '../src/cli.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one command to its end. */
export async function cli(args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: {},
  });
  return { code, stdout, stderr };
}

/** A long-running command (`listen`): its output so far, a wait on it, and a stop. */
export function startCli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const w of waiters) w();
  };
  const stop = new AbortController();
  const done = runCli(args, {
    stdout: (t) => {
      stdout += t;
      wake();
    },
    stderr: (t) => {
      stderr += t;
      wake();
    },
    env: {},
    signal: stop.signal,
  });
  void done.then(wake);
  return {
    output: () => stdout,
    errors: () => stderr,
    /** Resolves once `check(stdout)` holds; rejects after `timeoutMs` with what was printed. */
    until(check: (out: string) => boolean, timeoutMs = 10_000): Promise<void> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(test);
          reject(new Error(`timed out after ${timeoutMs} ms; stdout:\n${stdout}\nstderr:\n${stderr}`));
        }, timeoutMs);
        const test = () => {
          if (!check(stdout)) return;
          clearTimeout(timer);
          waiters.delete(test);
          resolve();
        };
        waiters.add(test);
        test();
      });
    },
    async stop(): Promise<number> {
      stop.abort();
      return done;
    },
  };
}

export function playground(): Promise<Playground> {
  return startPlayground({ port: 0, clock: 'manual', seed: 'cli' });
}
