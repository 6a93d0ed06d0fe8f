/**
 * @module
 * The start command (`pnpm start`): {@link runStart} with this process's arguments and streams.
 */
import { exitAfterOutput } from '@esim-sandbox/core';
import { runStart } from './cli/start.js';

await exitAfterOutput(
  await runStart({
    argv: process.argv.slice(2),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }),
);
