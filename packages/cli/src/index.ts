/**
 * @module
 * esim-sandbox: the command as a function (`runCli`), its operations table (what subcommands and fixtures run), and
 * the fixture runner, for driving the sandbox from a test setup.
 */
export { type CliIo, runCli } from './cli.js';
export { CliError, EXIT, type ExitCode } from './errors.js';
export { type Fixture, type FixtureStepResult, fixtureSchema, readFixture, runFixture } from './fixtures.js';
export { type ListenOptions, listen } from './listen.js';
export {
  checkOperation,
  OPERATIONS,
  type OperationName,
  type OperationParams,
  runOperation,
} from './operations.js';
export { parseDuration, parsePercent } from './parse.js';
export { DEFAULT_URL, PROVIDERS, type Provider, resolveTarget, type Target, URL_ENV } from './target.js';
