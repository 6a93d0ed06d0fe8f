/** The exit codes the CLI uses are one table (EXIT_CODES); `--help` and the README list exactly its rows. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../src/cli/exit-codes.js';
import { type CliIo, runCli } from '../src/cli/main.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const ROWS = Object.values(EXIT_CODES);

async function run(argv: string[]) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text) },
    env: {},
  };
  return { code: await runCli(argv, io), ...out };
}

describe('esim-reconcile exit codes', () => {
  it('are listed by --help exactly as in the table', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(EXIT_CODES.ok.code);
    const listed = stdout.slice(stdout.indexOf('Exit codes:')).trimEnd().split('\n').slice(1);
    expect(listed).toEqual(ROWS.map(({ code, meaning }) => `  ${code}  ${meaning}`));
  });

  it('are listed by the README exactly as in the table', () => {
    const section = README.slice(README.indexOf('Exit codes ('));
    const rows = [...section.matchAll(/^\| (\d+) +\| (.+?) +\|$/gm)].map(([, code, meaning]) => ({
      code: Number(code),
      meaning,
    }));
    expect(rows).toEqual(ROWS);
  });

  it.each([
    ['an unknown flag', ['report', '--nope'], EXIT_CODES.usage.code],
    [
      'a --data-dir that is not a store',
      ['report', '--data-dir', '/nonexistent/esim-reconcile'],
      EXIT_CODES.failed.code,
    ],
    ['--version', ['--version'], EXIT_CODES.ok.code],
  ] as const)('%s exits with its row’s code', async (_name, argv, expected) => {
    expect((await run([...argv])).code).toBe(expected);
  });
});
