#!/usr/bin/env node
/**
 * Entry of `capture-catalog` (`pnpm --filter @esim-sandbox/contract capture-catalog --provider esimaccess --out FILE`).
 * @module
 */
import { exitAfterOutput } from '@esim-sandbox/core';
import { runCaptureCli } from '../cli/capture.js';

await exitAfterOutput(
  await runCaptureCli({
    argv: process.argv.slice(2),
    env: process.env,
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
  }),
);
