/**
 * @module
 * esim-sandbox: the command as a function (`runCli`), its operations table (what subcommands and fixtures run), and
 * the fixture runner, for driving the sandbox from a test setup.
 */
export { type CliIo, runCli } from './cli.js';
export { CliError, type CliErrorCode, EXIT, type ExitCode } from './errors.js';
export { type Fixture, type FixtureStepResult, readFixture, runFixture } from './fixtures.js';
export { type OperationName, type OperationParams, runOperation } from './operations.js';
export { resolveTarget, type Target } from './target.js';
