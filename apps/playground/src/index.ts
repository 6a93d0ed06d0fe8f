/**
 * @module
 * @esim-sandbox/playground: both fake providers, a webhook sink and a live dashboard in one process, plus the
 * scenario runner that drives them with packages/core's clients. The `esim-sandbox` CLI starts it (`up`) through
 * `runStart`; code of its own starts one with `startPlayground`.
 */

// Starting a playground: from the CLI's flags, or in code (tests, benchmarks).
export { runStart } from './cli/start.js';
export { DEFAULT_PORT, type Playground, startPlayground } from './server/playground.js';
