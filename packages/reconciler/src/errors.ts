/**
 * Errors of the reconciler. Like core's, they are classes with a discriminating `code`; the CLI prints their
 * message (never a stack) and exits non-zero.
 * @module
 */
import { EsimSandboxError } from '@esim-sandbox/core';

export class ReconcilerError extends EsimSandboxError {}

/** DATABASE_URL (or another store option) is malformed; nothing was opened. `field` names it. */
export class StoreConfigError extends ReconcilerError {
  readonly field: string;

  constructor(field: string, message: string) {
    super('STORE_CONFIG', `${field}: ${message}`);
    this.field = field;
  }
}

/** The database could not be reached, refused our credentials, or the data folder could not be opened. */
export class StoreUnavailableError extends ReconcilerError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('STORE_UNAVAILABLE', message, options);
  }
}

/** Another process holds this account's sync lock. */
export class AccountBusyError extends ReconcilerError {
  readonly accountId: string;

  constructor(accountId: string) {
    super('ACCOUNT_BUSY', `account ${accountId} is being synced by another process`);
    this.accountId = accountId;
  }
}

/** An operation names an account the store does not have, or one of another provider. */
export class AccountError extends ReconcilerError {
  readonly accountId: string;

  constructor(accountId: string, message: string) {
    super('ACCOUNT', `account ${accountId}: ${message}`);
    this.accountId = accountId;
  }
}
