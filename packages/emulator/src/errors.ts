/**
 * @module
 * Engine errors: one class with a discriminating `code`, so callers (the CLI, the control API, tests) branch on it.
 */
import { EsimSandboxError } from '@esim-sandbox/core';

export type EmulatorErrorCode =
  | 'UNKNOWN_ACCOUNT'
  | 'ACCOUNT_EXISTS'
  | 'UNKNOWN_DELIVERY'
  | 'UNKNOWN_FAULT'
  | 'INVALID_ARGUMENT'
  | 'STATE_FILE_CORRUPT'
  | 'STATE_FILE_VERSION'
  | 'STATE_FILE_MISMATCH'
  | 'STATE_FILE_IO'
  | 'CONTROL_TOKEN_REQUIRED'
  | 'INVALID_FLAG'
  | 'NO_WEBHOOK_URL'
  /** A control API request body over `maxControlBodyBytes`. */
  | 'BODY_TOO_LARGE'
  /** A provider's control route did not find what it was asked for (a message, a profile…). */
  | 'NOT_FOUND';

export class EmulatorError extends EsimSandboxError<EmulatorErrorCode> {
  /** The offending field or file, when there is one. */
  readonly field: string | undefined;

  constructor(code: EmulatorErrorCode, message: string, options?: { field?: string; cause?: unknown }) {
    super(code, message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.field = options?.field;
  }
}
