/**
 * Running commands for the packaging steps, with their output kept for the failure message.
 * @module
 */
import { spawn } from 'node:child_process';
import { delimiter, dirname } from 'node:path';

const KEEP_NPM = new Set([
  'npm_config_registry',
  'npm_config_cache',
  'npm_config_userconfig',
  'npm_config_globalconfig',
  'npm_config_proxy',
  'npm_config_https_proxy',
  'npm_config_noproxy',
  'npm_config_cafile',
  'npm_config_strict_ssl',
]);

export interface ExecResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** node's own directory first on PATH, so `#!/usr/bin/env node` bins and npx run the same node as this process. */
export function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
  };
  // Inside `pnpm test`, pnpm's own settings arrive as npm_* variables; the temporary projects must stand on their
  // own, keeping only where npm's registry, cache and config files are.
  for (const key of Object.keys(env)) {
    if (key.toLowerCase().startsWith('npm_') && !KEEP_NPM.has(key.toLowerCase())) delete env[key];
  }
  return env;
}

export function exec(
  command: string,
  args: readonly string[],
  options: { cwd: string },
): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Like exec, but a non-zero exit is an error carrying the command's output. */
export async function run(
  command: string,
  args: readonly string[],
  options: { cwd: string },
): Promise<string> {
  const result = await exec(command, args, options);
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} (in ${options.cwd}) exited with ${result.code}\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}
