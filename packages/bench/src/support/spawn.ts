/**
 * @module
 * Spawning the helper processes (receiver, CLIs) and waiting for their `listening on URL` line.
 */
import { type ChildProcess, spawn } from 'node:child_process';

export interface Listening {
  child: ChildProcess;
  url: string;
  /** Milliseconds from spawn to the `listening on` line. */
  startupMs: number;
  stop(): Promise<void>;
}

/**
 * Spawns `node [--import tsx] <script> ...args` (tsx for TypeScript sources, plain node for built JavaScript) and
 * resolves once it prints `listening on http://...`.
 */
export function spawnListening(
  script: string,
  args: readonly string[] = [],
  timeoutMs = 30_000,
): Promise<Listening> {
  const started = performance.now();
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...loader, script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${script} did not print 'listening on' within ${timeoutMs} ms: ${err || out}`));
    }, timeoutMs);
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1], startupMs: performance.now() - started, stop });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}) before listening: ${err || out}`));
    });
  });
}
