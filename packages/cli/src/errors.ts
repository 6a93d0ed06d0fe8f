/**
 * @module
 * The command's exit codes as one table, and the one error type every subcommand throws: its message is the one
 * line printed, its exit code says what went wrong.
 */
import { EsimSandboxError } from '@esim-sandbox/core';

export const EXIT = {
  /** Done. */
  OK: 0,
  /**
   * The fake refused (unknown account or profile, a move its lifecycle does not allow), a fixture step failed, or
   * a seed of `chaos` failed.
   */
  REFUSED: 1,
  /** Bad usage: unknown flag, bad duration or percent, invalid fixture file. */
  USAGE: 2,
  /** Nothing answers at the target URL, or it is not an esim-sandbox playground or fake. */
  UNREACHABLE: 3,
  /** Stopped by SIGINT (Ctrl-C) while `chaos` ran a command: 128 + the signal's number, as shells report it. */
  INTERRUPTED: 130,
  /** Stopped by SIGTERM while `chaos` ran a command. */
  TERMINATED: 143,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Why the command failed: the name of its exit code in {@link EXIT}. */
export type CliErrorCode = Exclude<keyof typeof EXIT, 'OK'>;

const CODE_OF = Object.fromEntries(Object.entries(EXIT).map(([name, exit]) => [exit, name])) as Record<
  ExitCode,
  CliErrorCode
>;

/** Under the one root every esim-sandbox package throws from; `code` is the exit code's name. */
export class CliError extends EsimSandboxError<CliErrorCode> {
  readonly exitCode: Exclude<ExitCode, 0>;

  constructor(exitCode: Exclude<ExitCode, 0>, message: string, options: { cause?: unknown } = {}) {
    super(CODE_OF[exitCode], message, options);
    this.exitCode = exitCode;
  }
}

export const usageError = (message: string) => new CliError(EXIT.USAGE, message);
