/**
 * @module
 * The conventions every fake's command keeps, checked in process with injected argv, env and output: `--help` names
 * each flag with its env var, `--version`, the start banner (documents linked, secret masked, settings in force).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { CliIo } from '../server/cli.js';
import type { RunningServer } from '../server/server.js';

/** A fake's CLI entry, e.g. `runEsimAccessCli`. */
export type CliRunner = (io: CliIo) => Promise<RunningServer | undefined>;

export interface CapturedCli {
  /** stdout and stderr lines, in order. */
  out: string[];
  exits: number[];
  io: CliIo;
}

/** Output captured, no signal handlers, not a terminal. */
export function captureCli(argv: readonly string[], env: Record<string, string> = {}): CapturedCli {
  const out: string[] = [];
  const exits: number[] = [];
  const push = (line: string) => void out.push(line);
  return {
    out,
    exits,
    io: {
      argv,
      env,
      stdout: push,
      stderr: push,
      exit: (c) => void exits.push(c),
      signals: false,
      isTTY: false,
    },
  };
}

/** Starts the command on a free port; throws its output when it does not start. Close `server` after. */
export async function startCli(
  run: CliRunner,
  argv: readonly string[] = [],
  env: Record<string, string> = {},
): Promise<StartedCli> {
  const captured = captureCli(['--port', '0', ...argv], env);
  const server = await run(captured.io);
  if (!server) throw new Error(captured.out.join('\n'));
  return { ...captured, server };
}

export type StartedCli = CapturedCli & { server: RunningServer };

/** Runs `use` with the started command, then closes it whatever happens. */
export async function withCli<T>(
  started: Promise<StartedCli>,
  use: (cli: StartedCli) => Promise<T>,
): Promise<T> {
  const cli = await started;
  try {
    return await use(cli);
  } finally {
    await cli.server.close();
  }
}

/** The lines the command wrote while `action` ran (e.g. the request log of the requests it sends). */
export async function linesDuring(out: readonly string[], action: () => Promise<unknown>): Promise<string[]> {
  const before = out.length;
  await action();
  return out.slice(before);
}

export interface HelpConventions {
  /** The env var prefix, e.g. `ESIMACCESS_MOCK` (`ESIMACCESS_MOCK_PORT`...). */
  envPrefix: string;
  defaultPort: number;
  /** The fake's own lines, e.g. `/--fidelity live\|documented .*default live/`. */
  more?: readonly RegExp[];
}

/** `flag` (`--help` or `-h`) exits 0 listing the common flags with env vars and defaults, and the exit codes. */
export async function checkCliHelp(
  run: CliRunner,
  flag: string,
  conventions: HelpConventions,
): Promise<void> {
  const captured = captureCli([flag]);
  await run(captured.io);
  assert.deepEqual(captured.exits, [0]);
  const help = captured.out.join('\n');
  const { envPrefix: env, defaultPort } = conventions;
  const expected = [
    new RegExp(`--port PORT .*default ${defaultPort}, env ${env}_PORT`),
    new RegExp(`--log off\\|pretty\\|json .*env ${env}_LOG`),
    new RegExp(`--show-secrets .*env ${env}_SHOW_SECRETS`),
    /-V, --version/,
    /Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 {2}usage error/,
    ...(conventions.more ?? []),
  ];
  for (const pattern of expected) assert.match(help, pattern);
}

/** `flag` (`--version` or `-V`) prints the package version alone and exits 0 without starting. */
export async function checkCliVersion(run: CliRunner, flag: string, version: string): Promise<void> {
  const captured = captureCli([flag]);
  assert.equal(await run(captured.io), undefined);
  assert.deepEqual(captured.out, [version]);
  assert.deepEqual(captured.exits, [0]);
}

export interface BannerConventions {
  /** The credentials line with the secret masked, e.g. `access code demo, secret key a-rath…cret`. */
  credentials: string;
  /** The secret given, which must not appear. */
  secret: string;
  /** Settings lines in force, e.g. `/clock: +manual/`. */
  settings: readonly RegExp[];
}

/** The listening line first, then the banner linking the documents, with the secret masked. */
export function checkBanner(out: readonly string[], url: string, banner: BannerConventions): void {
  assert.equal(out[0], `listening on ${url}`);
  const text = out.join('\n');
  for (const path of ['/docs', '/openapi.json', '/_sandbox/docs'])
    assert.ok(text.includes(`${url}${path}`), path);
  assert.ok(text.includes(banner.credentials), `the banner has no line '${banner.credentials}':\n${text}`);
  assert.ok(!text.includes(banner.secret), 'the banner shows the secret');
  for (const pattern of banner.settings) assert.match(text, pattern);
}

export interface CliArgs {
  argv?: readonly string[];
  env?: Record<string, string>;
}

function isArgv(args: readonly string[] | CliArgs): args is readonly string[] {
  return Array.isArray(args);
}

/** The version field of a package.json, e.g. `new URL('../package.json', import.meta.url)`. */
export function packageVersion(packageJson: URL): string {
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}

/**
 * The checks above bound to one fake's command, package.json and help conventions.
 * @example
 * const cli = cliConformance(runEsimAccessCli, new URL('../package.json', import.meta.url), {
 *   envPrefix: 'ESIMACCESS_MOCK',
 *   defaultPort: 4010,
 * });
 * describe('conventions', () => cli.itHandlesHelpAndVersion({ it }));
 */
export function cliConformance(run: CliRunner, packageJson: URL, help: HelpConventions) {
  return {
    capture: captureCli,
    start: (argv: readonly string[] = [], env: Record<string, string> = {}) => startCli(run, argv, env),
    /** Starts the command with `args` (argv, or argv and env), runs `use`, closes it. */
    with: <T>(args: readonly string[] | CliArgs, use: (cli: StartedCli) => Promise<T>) => {
      const { argv = [], env = {} } = isArgv(args) ? { argv: args } : args;
      return withCli(startCli(run, argv, env), use);
    },
    /** Registers the test that `--help` lists the engine's chaos flags (`--chaos`, `--chaos-seed`) with their defaults. */
    itListsChaosFlags(runner: { it(name: string, fn: () => Promise<void>): unknown }): void {
      runner.it('lists --chaos and --chaos-seed in --help', async () => {
        const captured = captureCli(['--help']);
        await run(captured.io);
        const text = captured.out.join('\n');
        assert.match(text, /--chaos PROFILE\|FILE .*gentle, realistic, hostile or a JSON profile file/);
        assert.match(text, /--chaos-seed SEED .*default 1/);
      });
    },
    /** Registers a test per help and version flag, named for what it shows. */
    itHandlesHelpAndVersion(runner: { it(name: string, fn: () => Promise<void>): unknown }): void {
      for (const flag of ['--help', '-h']) {
        runner.it(`${flag} lists every flag with its env var and default, and the exit codes`, () =>
          checkCliHelp(run, flag, help),
        );
      }
      for (const flag of ['--version', '-V']) {
        runner.it(`${flag} prints the package version and exits 0`, () =>
          checkCliVersion(run, flag, packageVersion(packageJson)),
        );
      }
    },
  };
}
