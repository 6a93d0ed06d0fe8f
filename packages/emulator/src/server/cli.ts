/**
 * @module
 * runCli: the shared command-line entry of both mock servers. Prints exactly `listening on http://HOST:PORT` when
 * ready, shuts down cleanly on SIGINT/SIGTERM, and reports bad flags or a bad state file as one line (exit 2 / 1).
 */
import { exitAfterOutput } from '@esim-sandbox/core';
import type { Emulator } from '../emulator/create.js';
import type { EmulatorOptions } from '../emulator/types.js';
import { EmulatorError } from '../errors.js';
import { type CliFlags, COMMON_FLAGS, parseCli, usage } from './cli-options.js';
import { type RunningServer, startServer } from './server.js';

export interface CliDefinition {
  /** Program name; also the env-var prefix (`esimaccess-mock` → ESIMACCESS_MOCK_PORT). */
  name: string;
  description: string;
  /** Provider flags, added to the common ones (--host --port --seed --state-file --clock --rate-limit --control-token). */
  options?: CliFlags;
  /** Port when neither --port nor the env var is given. Default 0. */
  defaultPort?: number;
  /**
   * Builds the emulator. `options` holds the engine options from the common flags: spread it into createEmulator.
   * Throw EmulatorError('INVALID_FLAG', ..., { field }) (or use `flagError`) for a bad provider flag value.
   */
  create(args: {
    options: EmulatorOptions<never>;
    values: Record<string, string | boolean | undefined>;
  }): Emulator<unknown, unknown> | Promise<Emulator<unknown, unknown>>;
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
  const flags: CliFlags = { ...COMMON_FLAGS, ...def.options };
  let server: RunningServer;
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
    const emulator = await def.create({ options: parsed.options, values: parsed.values });
    server = await startServer({ emulator, host: parsed.host, port: parsed.port });
  } catch (e) {
    const code = e instanceof EmulatorError && e.code === 'INVALID_FLAG' ? 2 : 1;
    err(`${def.name}: error: ${e instanceof Error ? e.message : String(e)}`);
    if (code === 2) err(`Run '${def.name} --help' for usage.`);
    exit(code);
    return undefined;
  }
  out(`listening on ${server.url}`);
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
