/**
 * Errors of the contract kit, each with a discriminating `code` (core's EsimSandboxError).
 * @module
 */
import { EsimSandboxError } from '@esim-sandbox/core';

/** Thrown by a check that cannot run here (no profiles to page through, no email given): the result is `skip`. */
export class CheckSkipped extends EsimSandboxError {
  constructor(reason: string) {
    super('CHECK_SKIPPED', reason);
  }
}

/** A request to an endpoint that spends money, from a check that declared no spend: refused before it is sent. */
export class SpendBlockedError extends EsimSandboxError {
  readonly path: string;

  constructor(path: string) {
    super('SPEND_BLOCKED', `${path} spends money, but the running check declared no spend: not sent`);
    this.path = path;
  }
}

/** A bad command line: core's one UsageError, shared with the reconciler's CLI. */
export { UsageError } from '@esim-sandbox/core';

/** A fixture or report file that cannot be read: the message names the file and the field. */
export class ContractFileError extends EsimSandboxError {
  readonly file: string;
  readonly field: string | undefined;

  constructor(file: string, message: string, field?: string) {
    super('CONTRACT_FILE_INVALID', `${file}: ${field ? `${field}: ` : ''}${message}`);
    this.file = file;
    this.field = field;
  }
}

/** Asynchronous work (allocation, redemption) did not finish within the polling limit. */
export class PollTimeoutError extends EsimSandboxError {
  constructor(what: string, timeoutMs: number) {
    super('POLL_TIMEOUT', `gave up waiting ${timeoutMs} ms for ${what}`);
  }
}

/** A catalogue could not be captured: the source answered something unexpected. */
export class CaptureError extends EsimSandboxError {
  constructor(message: string) {
    super('CAPTURE_FAILED', message);
  }
}
