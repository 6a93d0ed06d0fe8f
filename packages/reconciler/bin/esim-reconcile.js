#!/usr/bin/env node
// The package ships TypeScript sources (like the rest of the monorepo); tsx loads them.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');

const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => controller.abort());
}
const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: controller.signal,
});
process.exit(code);
