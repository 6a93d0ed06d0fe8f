/**
 * @module
 * Shell blocks run with bash (`-e -o pipefail`: every line must succeed) in the repository root, where the
 * READMEs say to run them. Two rewrites keep them off fixed ports: `--port N` becomes `--port 0` (and the
 * playground gets PLAYGROUND_PORT=0), and in a `with server` block `http://127.0.0.1:N` becomes the address the
 * server printed. Top-level files and folders a block creates in the root are removed afterwards.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Block, where } from './blocks.js';
import type { Step } from './plan.js';
import { blockEnv, describeRun, run, start } from './processes.js';

export const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');
const BLOCK_TIMEOUT_MS = 120_000;
const SERVER_START_MS = 150_000;
const SERVER_STOP_MS = 30_000;
const LOOPBACK_URL = /http:\/\/127\.0\.0\.1:\d+/g;

const freePorts = (code: string): string => code.replace(/--port\s+\d+/g, '--port 0');
const env = () => blockEnv({ PLAYGROUND_PORT: '0' });

async function inRoot<T>(work: () => Promise<T>): Promise<T> {
  const before = new Set(readdirSync(REPO_ROOT));
  try {
    return await work();
  } finally {
    for (const entry of readdirSync(REPO_ROOT)) {
      if (!before.has(entry)) rmSync(join(REPO_ROOT, entry), { recursive: true, force: true });
    }
  }
}

const bash = (code: string) => ['-e', '-o', 'pipefail', '-c', code];

/** Runs one block to its end; a problem naming README and line, or undefined. */
export async function runShell(block: Block, serverUrl?: string): Promise<string | undefined> {
  let code = freePorts(block.code);
  if (serverUrl !== undefined) code = code.replace(LOOPBACK_URL, serverUrl);
  const r = await inRoot(() => run('bash', bash(code), REPO_ROOT, BLOCK_TIMEOUT_MS, env()));
  return r.status === 0 && !r.timedOut ? undefined : `${where(block)}: ${describeRun(r, 'the block')}`;
}

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Whether something answers HTTP at `url` (any status). */
async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

const STOP_NOISE = /ELIFECYCLE|ERR_PNPM_\w+|\n\s+at .+:\d+:\d+\)?\n/;

/**
 * Starts the server block, waits for its first loopback URL to answer, runs the blocks that use it, then sends
 * Ctrl-C to its process group (as a terminal does) and checks the exit status the marker states.
 */
export async function runServer(step: Extract<Step, { kind: 'server' }>): Promise<string[]> {
  return inRoot(async () => {
    const server = start('bash', bash(freePorts(step.block.code)), REPO_ROOT, env());
    let exited = false;
    void server.exited.then(() => {
      exited = true;
    });
    const problems: string[] = [];
    try {
      const deadline = Date.now() + SERVER_START_MS;
      let url: string | undefined;
      while (!exited && Date.now() < deadline) {
        url ??= server.output().match(LOOPBACK_URL)?.[0];
        if (url !== undefined && (await answers(url))) break;
        await sleep(200);
      }
      if (exited || Date.now() >= deadline || url === undefined) {
        server.signal('SIGKILL');
        const r = await server.exited;
        return [`${where(step.block)}: never answered on a loopback URL: ${describeRun(r, 'the server')}`];
      }
      for (const client of step.clients) {
        const problem = await runShell(client, url);
        if (problem) problems.push(problem);
      }
      server.signal('SIGINT');
      const stopped = await Promise.race([server.exited, sleep(SERVER_STOP_MS).then(() => undefined)]);
      if (!stopped) problems.push(`${where(step.block)}: still running ${SERVER_STOP_MS} ms after Ctrl-C`);
      else if (stopped.status !== step.status)
        problems.push(
          `${where(step.block)}: Ctrl-C: status ${stopped.status}, the README says ${step.status}`,
        );
      // A clean stop reports no failure on the way out (pnpm's ELIFECYCLE, a stack trace).
      const noise = stopped?.output.match(STOP_NOISE)?.[0];
      if (noise)
        problems.push(`${where(step.block)}: Ctrl-C printed "${noise}":\n${stopped?.output.slice(-2000)}`);
      return problems;
    } finally {
      server.signal('SIGKILL');
      await server.exited;
    }
  });
}
