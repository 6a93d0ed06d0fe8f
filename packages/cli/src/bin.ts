#!/usr/bin/env node
/**
 * Entry of the `esim-sandbox` bin (`node --import tsx src/bin.ts` in the workspace): runs the command with this
 * process's arguments; SIGINT/SIGTERM stop `up`, `listen` and `journal tail --follow` cleanly; exits once the
 * output has drained.
 * @module
 */
import { exitAfterOutput } from '@esim-sandbox/core';
import { runCli } from './cli.js';

const stop = new AbortController();
process.on('SIGINT', () => stop.abort());
process.on('SIGTERM', () => stop.abort());

await exitAfterOutput(
  await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    signal: stop.signal,
  }),
);
