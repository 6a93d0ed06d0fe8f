/**
 * @module
 * Errors of the test harness: misuse a test author can fix, each with a discriminating `code`.
 */
import { EsimSandboxError } from '@esim-sandbox/core';

export type HarnessErrorCode =
  /** No beforeAll/afterAll/beforeEach/afterEach to register with: neither passed nor global. */
  | 'NO_TEST_HOOKS'
  /** `account` or `fake` read where the hooks have not set it (at module level, or after the suite). */
  | 'OUTSIDE_TEST'
  /** An option the harness cannot use (an unknown mode). */
  | 'INVALID_OPTION'
  /** A request reached a fake after `close()`: it no longer answers for its base URL. */
  | 'CLOSED';

export class HarnessError extends EsimSandboxError<HarnessErrorCode> {
  /** The option at fault, when there is one. */
  readonly field: string | undefined;

  constructor(code: HarnessErrorCode, message: string, options?: { field?: string }) {
    super(code, message);
    this.field = options?.field;
  }
}
