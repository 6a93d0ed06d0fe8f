/**
 * Command-line mistakes: exit code 2 and a message naming the flag, before anything runs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCaptureCli } from '../src/cli/capture.js';
import { noNetwork, runCli } from './support.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const commands = [
  ['contract', undefined, 'Usage: contract --target KIND[,KIND] [options]'],
  ['capture-catalog', runCaptureCli, 'Usage: capture-catalog --provider esimaccess|iroamly --out FILE'],
] as const;

describe('contract command line', () => {
  it.each([
    [[], '--target is required'],
    [['--target', 'staging'], "--target must be one of mock-inprocess, mock-http, live, got 'staging'"],
    [['--target', 'live,mock-http,mock-inprocess'], '--target takes one target, or two to compare'],
    [['--target', 'live', '--provider', 'airalo'], '--provider must be one of esimaccess, iroamly, all'],
    [['--target', 'live', '--provider', 'esimaccess', '--allow-spend'], '--allow-spend needs --spend-cap N'],
    [['--target', 'live', '--allow-spend', '--spend-cap', '10'], '--allow-spend needs one --provider'],
    [
      ['--target', 'live', '--provider', 'esimaccess', '--allow-spend', '--spend-cap', '1.5'],
      '--spend-cap must be a whole number',
    ],
    [['--target', 'live', '--spend-cap', '10'], '--spend-cap applies only with --allow-spend'],
    [['--target', 'live', '--record', 'x.json'], '--record records one provider on one target'],
    [['--target', 'live', '--redact-iccids'], '--redact-iccids applies only with --record'],
    [['--target', 'live', '--base-url', 'not a url'], '--base-url must be a URL'],
    [
      ['--target', 'mock-http,live', '--base-url', 'http://127.0.0.1:4010'],
      '--base-url applies to one target',
    ],
    [['--target', 'live', '--verbose'], "Unknown option '--verbose'"],
  ])('%j is refused with exit code 2', async (argv, message) => {
    const run = await runCli(argv, { fetch: noNetwork });
    expect(run.code).toBe(2);
    expect(run.err).toContain(message);
  });

  it('prints the help with exit code 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('Usage: contract --target KIND[,KIND] [options]');
  });

  it.each(commands)(
    '%s prints its help, with the exit codes, for -h and --help',
    async (_name, command, usage) => {
      for (const flag of ['-h', '--help']) {
        const run = await runCli([flag], {}, command);
        expect(run.code, flag).toBe(0);
        expect(run.out, flag).toContain(usage);
        expect(run.out, flag).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 /);
      }
    },
  );

  it.each(commands)('%s prints its name and version for -V and --version', async (name, command) => {
    for (const flag of ['-V', '--version']) {
      const run = await runCli([flag], {}, command);
      expect(run.code, flag).toBe(0);
      expect(run.out, flag).toBe(`${name} ${version}`);
    }
  });

  it('accepts the lone -- that pnpm passes through', async () => {
    const run = await runCli(['--', '--target', 'live'], { env: {}, fetch: noNetwork });
    expect(run.code).toBe(0);
  });
});
