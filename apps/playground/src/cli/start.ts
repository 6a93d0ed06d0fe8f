/**
 * @module
 * The start command as a function (`pnpm start` and `esim-sandbox up` both run it): parses the flags, starts the
 * playground, prints where everything is, and shuts down cleanly when `stop` resolves (SIGINT/SIGTERM by default).
 * Resolves with the exit code: 0 after a clean stop, 1 when it cannot start, 2 for a bad flag.
 */
import { PlaygroundError } from '../errors.js';
import { startPlayground } from '../server/playground.js';
import { banner } from './banner.js';
import { helpText, parseFlags } from './flags.js';

export interface StartIo {
  argv: string[];
  env?: NodeJS.ProcessEnv;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Resolves when the playground should stop; default the first SIGINT or SIGTERM. */
  stop?: Promise<void>;
  /** The command name used in messages and the help's usage line. */
  name?: string;
}

/** `on`, not `once`: under `pnpm start` the signal arrives twice (terminal and pnpm); a second with no listener kills. */
function signalled(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export async function runStart(io: StartIo): Promise<number> {
  const name = io.name ?? 'playground';
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(io.argv, io.env);
  } catch (error) {
    io.stderr(`${name}: ${error instanceof Error ? error.message : String(error)}\n${helpText()}\n`);
    return 2;
  }
  if (parsed.help) {
    io.stdout(`${helpText()}\n`);
    return 0;
  }
  try {
    const playground = await startPlayground(parsed.options);
    io.stdout(banner(playground, parsed.options.clock ?? 'real', parsed.options.chaos));
    await (io.stop ?? signalled());
    io.stdout('stopping…\n');
    await playground.close();
    return 0;
  } catch (error) {
    const message =
      error instanceof PlaygroundError || error instanceof Error ? error.message : String(error);
    io.stderr(`${name}: ${message}\n`);
    return 1;
  }
}
