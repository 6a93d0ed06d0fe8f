/**
 * @module
 * The playground's own errors: a bad flag, a port in use, an external fake that does not answer.
 */
import { EsimSandboxError } from '@esim-sandbox/core';

export type PlaygroundErrorCode = 'INVALID_ARGUMENT' | 'PORT_IN_USE' | 'UNREACHABLE' | 'CONTROL_FAILED';

export class PlaygroundError extends EsimSandboxError<PlaygroundErrorCode> {
  /** The flag or field at fault, when there is one (`--port`). */
  readonly field: string | undefined;

  constructor(code: PlaygroundErrorCode, message: string, options: { field?: string; cause?: unknown } = {}) {
    super(code, message, { cause: options.cause });
    this.field = options.field;
  }
}
