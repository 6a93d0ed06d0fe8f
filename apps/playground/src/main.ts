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
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
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
