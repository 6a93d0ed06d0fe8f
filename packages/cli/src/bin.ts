#!/usr/bin/env node
/**
 * Entry of the `esim-sandbox` bin (`node --import tsx src/bin.ts` in the workspace): runs the command with this
 * process's arguments; SIGINT/SIGTERM stop `up`, `listen`, `journal tail --follow` and `chaos` cleanly; exits once
 * the output has drained.
 * @module
 */
import { exitAfterOutput } from '@esim-sandbox/core';
import { runCli } from './cli.js';

const stop = new AbortController();
// The reason names the signal: `chaos` passes it on to the command it runs and exits 130 or 143.
process.on('SIGINT', () => stop.abort('SIGINT'));
process.on('SIGTERM', () => stop.abort('SIGTERM'));

await exitAfterOutput(
  await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    signal: stop.signal,
  }),
);
