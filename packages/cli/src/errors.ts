/**
 * @module
 * The command's exit codes as one table, and the one error type every subcommand throws: its message is the one
 * line printed, its exit code says what went wrong.
 */

export const EXIT = {
  /** Done. */
  OK: 0,
  /** The fake refused (unknown account or profile, a move its lifecycle does not allow) or a fixture step failed. */
  REFUSED: 1,
  /** Bad usage: unknown flag, bad duration or percent, invalid fixture file. */
  USAGE: 2,
  /** Nothing answers at the target URL, or it is not an esim-sandbox playground or fake. */
  UNREACHABLE: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliError extends Error {
  readonly exitCode: ExitCode;

  constructor(exitCode: ExitCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

export const usageError = (message: string) => new CliError(EXIT.USAGE, message);
