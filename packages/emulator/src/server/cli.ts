/**
 * @module
 * runCli: the shared command-line entry of both mock servers. Prints exactly `listening on http://HOST:PORT` when
 * ready (tools wait for that line), then a banner and the request log; shuts down cleanly on SIGINT/SIGTERM, and
 * reports bad flags or a bad state file as one line (exit 2 / 1; see EXIT_CODES).
 */
import { exitAfterOutput } from '@esim-sandbox/core';
import { EmulatorError } from '../errors.js';
import { type RequestLogMode, requestLogger } from '../http/request-log.js';
import type { Emulator } from '../types/emulator.js';
import type { EmulatorOptions } from '../types/provider.js';
import { type BannerLine, bannerLines } from './banner.js';
import { type CliFlags, COMMON_FLAGS, parseCli, usage } from './cli-options.js';
import { type RunningServer, startServer } from './server.js';

export interface CliDefinition {
  /** Program name; also the env-var prefix (`esimaccess-mock` → ESIMACCESS_MOCK_PORT). */
  name: string;
  description: string;
  /** Printed by --version (the package's version). */
  version: string;
  /** What the provider calls an account's key and secret, for the banner. Default `['key', 'secret']`. */
  credentialNames?: readonly [key: string, secret: string];
  /** Provider flags, added to the common ones (--host --port --seed --state-file --clock --rate-limit --control-token --chaos...). */
  options?: CliFlags;
  /** Port when neither --port nor the env var is given. Default 0. */
  defaultPort?: number;
  /**
   * Builds the emulator. `options` holds the engine options from the common flags: spread it into createEmulator.
   * Throw EmulatorError('INVALID_FLAG', ..., { field }) (or use `flagError`) for a bad provider flag value.
   * Return `{ emulator, banner }` to add the provider's settings in force to the start banner.
   */
  create(args: {
    options: EmulatorOptions<never>;
    values: Record<string, string | boolean | undefined>;
  }): CliServerSetup | Emulator<unknown, unknown> | Promise<CliServerSetup | Emulator<unknown, unknown>>;
}

export interface CliServerSetup {
  emulator: Emulator<unknown, unknown>;
  banner?: readonly BannerLine[];
}

export interface CliIo {
  argv?: readonly string[];
  env?: Record<string, string | undefined>;
  stdout?: (line: string) => void;
  stderr?: (line: string) => void;
  /** Called with the exit code; default: exit once stdout and stderr are flushed. */
  exit?: (code: number) => void;
  /** Install SIGINT/SIGTERM handlers. Default true. */
  signals?: boolean;
  /** Whether stdout is a terminal: the request log is `pretty` there and `off` otherwise. Default: process.stdout's. */
  isTTY?: boolean;
}

/**
 * @example
 * // bin.ts
 * await runCli({ name: 'esimaccess-mock', description: 'Fake eSIM Access API', options: {...},
 *   create: ({ options, values }) => createEsimAccessMock({ ...options, accessCode: values['access-code'] }) });
 */
export async function runCli(def: CliDefinition, io: CliIo = {}): Promise<RunningServer | undefined> {
  const out = io.stdout ?? ((l: string) => process.stdout.write(`${l}\n`));
  const err = io.stderr ?? ((l: string) => process.stderr.write(`${l}\n`));
  const exit = io.exit ?? ((code: number) => void exitAfterOutput(code));
  const port = { ...COMMON_FLAGS.port!, default: String(def.defaultPort ?? 0) };
  const flags: CliFlags = { ...COMMON_FLAGS, port, ...def.options };
  let server: RunningServer;
  let banner: string[];
  try {
    const parsed = parseCli(
      def.name,
      flags,
      io.argv ?? process.argv.slice(2),
      io.env ?? process.env,
      def.defaultPort ?? 0,
    );
    if (parsed.help) {
      out(usage(def.name, def.description, flags));
      exit(0);
      return undefined;
    }
    if (parsed.version) {
      out(def.version);
      exit(0);
      return undefined;
    }
    const log: RequestLogMode = parsed.log ?? ((io.isTTY ?? process.stdout.isTTY) ? 'pretty' : 'off');
    const requestLog = requestLogger(log, out);
    const options = requestLog ? { ...parsed.options, requestLog } : parsed.options;
    const created = await def.create({ options, values: parsed.values });
    const setup = 'emulator' in created ? created : { emulator: created };
    server = await startServer({ emulator: setup.emulator, host: parsed.host, port: parsed.port });
    banner = bannerLines({
      url: server.url,
      emulator: setup.emulator,
      credentialNames: def.credentialNames ?? ['key', 'secret'],
      showSecrets: parsed.showSecrets,
      log,
      chaosReport: parsed.options.chaos?.report,
      extra: setup.banner ?? [],
    });
  } catch (e) {
    const code = e instanceof EmulatorError && e.code === 'INVALID_FLAG' ? 2 : 1;
    err(`${def.name}: error: ${e instanceof Error ? e.message : String(e)}`);
    if (code === 2) err(`Run '${def.name} --help' for usage.`);
    exit(code);
    return undefined;
  }
  out(`listening on ${server.url}`);
  for (const line of banner) out(line);
  if (io.signals !== false) {
    const stop = () => {
      server.close().then(
        () => exit(0),
        (e: Error) => {
          err(`${def.name}: error while closing: ${e.message}`);
          exit(1);
        },
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
  return server;
}
