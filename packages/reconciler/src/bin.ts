#!/usr/bin/env node
/**
 * Entry of the `esim-reconcile` bin. Built to `dist/bin.js`, which the published package runs with plain node; in
 * this monorepo `bin/esim-reconcile.js` loads this file through tsx.
 * @module
 */
import { exitAfterOutput } from '@esim-sandbox/core';
import { runCli } from './cli/main.js';

const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => controller.abort());
}
const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: controller.signal,
});
await exitAfterOutput(code);
