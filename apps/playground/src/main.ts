/**
 * @module
 * The start command (`pnpm start`): parses the flags, starts the playground, prints where everything is, and
 * shuts down cleanly on SIGINT/SIGTERM.
 */
import { exitAfterOutput } from '@esim-sandbox/core';
import { banner } from './cli/banner.js';
import { helpText, parseFlags } from './cli/flags.js';
import { PlaygroundError } from './errors.js';
import { startPlayground } from './server/playground.js';

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(
      `playground: ${error instanceof Error ? error.message : String(error)}\n${helpText()}\n`,
    );
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(`${helpText()}\n`);
    return 0;
  }
  const playground = await startPlayground(parsed.options);
  process.stdout.write(banner(playground, parsed.options.clock ?? 'real'));
  // `on`, not `once`: under `pnpm start` the signal arrives twice (from the terminal to the whole process group, and
  // forwarded by pnpm); a second one with no listener would kill the process mid-shutdown.
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  process.stdout.write('stopping…\n');
  await playground.close();
  return 0;
}

main().then(
  (code) => exitAfterOutput(code),
  (error: unknown) => {
    const message =
      error instanceof PlaygroundError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`playground: ${message}\n`);
    return exitAfterOutput(1);
  },
);
