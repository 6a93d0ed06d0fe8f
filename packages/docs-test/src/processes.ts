/**
 * @module
 * Child processes for the blocks: each in its own process group, so a timeout or a Ctrl-C reaches everything it
 * started (pnpm, tsx, node), as a terminal's Ctrl-C does.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { constants } from 'node:os';

export interface Finished {
  /** Exit status as a shell reports it: the exit code, or 128 + the signal's number. */
  status: number;
  output: string;
  timedOut: boolean;
}

export interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<Finished>;
  /** Sends a signal to the whole group (no-op once it has exited). */
  signal: (sig: NodeJS.Signals) => void;
}

/**
 * The environment blocks run in: ours, without vitest's own variables (a block's vitest must not think it is a
 * worker) and without DATABASE_URL (the reconciler would otherwise write to a real database).
 */
export function blockEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  for (const key of Object.keys(env)) {
    if (key.startsWith('VITEST') || key === 'NODE_ENV' || key === 'DATABASE_URL') delete env[key];
  }
  delete env.FORCE_COLOR;
  return env;
}

export function start(command: string, args: readonly string[], cwd: string, env = blockEnv()): Started {
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  let done = false;
  const exited = new Promise<Finished>((resolve) => {
    const finish = (code: number | null, sig: NodeJS.Signals | null) => {
      done = true;
      resolve({ status: code ?? 128 + (sig ? constants.signals[sig] : 0), output, timedOut: false });
    };
    child.on('error', (err) => {
      output += String(err);
      finish(127, null);
    });
    child.on('close', finish);
  });
  const signal = (sig: NodeJS.Signals) => {
    if (done || child.pid === undefined) return;
    try {
      process.kill(-child.pid, sig);
    } catch {
      // the group is already gone
    }
  };
  return { child, output: () => output, exited, signal };
}

/** Runs to the end, or kills the group after `timeoutMs` and says so. */
export async function run(
  command: string,
  args: readonly string[],
  cwd: string,
  timeoutMs: number,
  env = blockEnv(),
): Promise<Finished> {
  const p = start(command, args, cwd, env);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    p.signal('SIGKILL');
  }, timeoutMs);
  const result = await p.exited;
  clearTimeout(timer);
  return { ...result, timedOut };
}

export const describeRun = (r: Finished, what: string): string =>
  `${what} ${r.timedOut ? 'timed out' : `exited with status ${r.status}`}:\n${r.output.slice(-4000)}`;
