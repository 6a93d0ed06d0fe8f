/** What an operator meets first: the version, a data folder that is not there, a server bound beyond loopback. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CliIo, runCli } from '../src/cli/main.js';

const VERSION = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'reconciler-operator-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

async function cli(
  argv: string[],
  options: { signal?: AbortSignal; onStdout?: (text: string) => void } = {},
) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: {
      write: (text: string) => {
        out.stdout += text;
        options.onStdout?.(text);
      },
    },
    stderr: { write: (text: string) => (out.stderr += text) },
    env: {},
    signal: options.signal,
  };
  const code = await runCli(argv, io);
  return { code, ...out };
}

describe('esim-reconcile for an operator', () => {
  it.each([['--version'], ['-V']])('prints its version for %s', async (flag) => {
    expect(await cli([flag])).toEqual({ code: 0, stdout: `esim-reconcile ${VERSION}\n`, stderr: '' });
  });

  it('refuses a --data-dir that does not exist, and creates nothing', async () => {
    const missing = join(root, 'typo');
    const result = await cli(['report', '--data-dir', missing]);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `esim-reconcile: --data-dir: no store at ${missing} (the folder does not exist); create one with: esim-reconcile init --data-dir ${missing}\n`,
    });
    expect(existsSync(missing)).toBe(false);
  });

  it('refuses a --data-dir that holds other files, not a store', async () => {
    writeFileSync(join(root, 'notes.txt'), 'not a database');
    const result = await cli(['report', '--data-dir', root]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `esim-reconcile: --data-dir: ${root} is not a reconciler store (it holds other files); choose an empty or new folder\n`,
    );
  });

  it('creates the store with init, then reports from it', async () => {
    const dir = join(root, 'store');
    expect(await cli(['init', '--data-dir', dir])).toEqual({
      code: 0,
      stdout: `created a store in ${dir}\n`,
      stderr: '',
    });
    expect(await cli(['init', '--data-dir', dir])).toMatchObject({
      code: 0,
      stdout: `a store already exists in ${dir}; nothing changed\n`,
    });
    const report = await cli(['report', '--json', '--data-dir', dir]);
    expect(report.code).toBe(0);
    expect(JSON.parse(report.stdout).accounts).toEqual([]);
  });

  it.each([
    ['0.0.0.0', true],
    ['127.0.0.1', false],
  ])('warns when serve-webhooks binds %s beyond loopback: %s', async (host, warns) => {
    const controller = new AbortController();
    const result = await cli(['serve-webhooks', '--port', '0', '--host', host, '--data-dir', root], {
      signal: controller.signal,
      onStdout: (text) => {
        if (text.startsWith('listening')) controller.abort();
      },
    });
    expect(result.code).toBe(0);
    if (warns) {
      expect(result.stderr).toBe(
        `esim-reconcile: warning: listening on ${host}, beyond loopback; eSIM Access does not sign webhooks, so anyone who can reach this port can post events: allow only the provider's sender IPs (3.1.131.226, 54.254.74.88, 18.136.190.97, 18.136.60.197, 18.136.19.137) in a firewall or proxy\n`,
      );
    } else expect(result.stderr).toBe('');
  });
});
