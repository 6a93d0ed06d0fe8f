#!/usr/bin/env node
/**
 * Entry of `contract` (`pnpm contract --target mock-http`).
 * @module
 */
import { exitAfterOutput } from '@esim-sandbox/core';
import { runContractCli } from '../cli/contract.js';

await exitAfterOutput(
  await runContractCli({
    argv: process.argv.slice(2),
    env: process.env,
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
  }),
);
