/**
 * Every error class of every package, with its root and its code: one root (core's EsimSandboxError), each
 * class discriminated by `code`. The playground sits on all the packages, so the list lives here.
 */
import {
  CaptureError,
  CheckSkipped,
  ContractFileError,
  PollTimeoutError,
  SpendBlockedError,
} from '@esim-sandbox/contract';
import {
  AbortError,
  AuthenticationError,
  ConnectionError,
  EsimAccessWebhookParseError,
  EsimSandboxError,
  InvalidArgumentError,
  ProviderError,
  RateLimitError,
  ResponseValidationError,
  SignatureError,
  TimeoutError,
  UsageError,
} from '@esim-sandbox/core';
import { EmulatorError } from '@esim-sandbox/emulator';
import { HarnessError } from '@esim-sandbox/emulator/testing';
import { EsimAccessControlError } from '@esim-sandbox/esimaccess-mock';
import {
  AccountBusyError,
  AccountError,
  ReconcilerError,
  StoreConfigError,
  StoreUnavailableError,
} from '@esim-sandbox/reconciler';
import { describe, expect, it } from 'vitest';
import { PlaygroundError } from '../src/errors.js';

const provider = { provider: 'esimaccess', message: 'no', retryable: false } as const;

const rows: [string, () => Error, string][] = [
  ['core EsimSandboxError', () => new EsimSandboxError('ANY', 'x'), 'ANY'],
  ['core ProviderError', () => new ProviderError({ ...provider, code: '310241' }), '310241'],
  ['core AuthenticationError', () => new AuthenticationError({ ...provider, code: '000101' }), '000101'],
  ['core SignatureError', () => new SignatureError({ ...provider, code: '000104' }), '000104'],
  ['core RateLimitError', () => new RateLimitError({ ...provider, code: '900001' }), '900001'],
  ['core InvalidArgumentError', () => new InvalidArgumentError('iccid', 'missing'), 'INVALID_ARGUMENT'],
  ['core ConnectionError', () => new ConnectionError('refused'), 'CONNECTION_ERROR'],
  ['core TimeoutError', () => new TimeoutError(5), 'TIMEOUT'],
  ['core AbortError', () => new AbortError(), 'ABORTED'],
  ['core ResponseValidationError', () => new ResponseValidationError([], {}), 'RESPONSE_VALIDATION'],
  ['core UsageError (contract and reconciler CLIs)', () => new UsageError('bad flag', 'port'), 'USAGE'],
  ['core EsimAccessWebhookParseError', () => new EsimAccessWebhookParseError([]), 'WEBHOOK_INVALID'],
  ['emulator EmulatorError', () => new EmulatorError('UNKNOWN_ACCOUNT', 'x'), 'UNKNOWN_ACCOUNT'],
  ['emulator HarnessError', () => new HarnessError('NO_TEST_HOOKS', 'x'), 'NO_TEST_HOOKS'],
  ['esimaccess-mock EsimAccessControlError', () => new EsimAccessControlError('200002', 'x'), '200002'],
  ['playground PlaygroundError', () => new PlaygroundError('PORT_IN_USE', 'x'), 'PORT_IN_USE'],
  ['contract CheckSkipped', () => new CheckSkipped('x'), 'CHECK_SKIPPED'],
  ['contract SpendBlockedError', () => new SpendBlockedError('/order'), 'SPEND_BLOCKED'],
  ['contract ContractFileError', () => new ContractFileError('f.json', 'x'), 'CONTRACT_FILE_INVALID'],
  ['contract PollTimeoutError', () => new PollTimeoutError('x', 5), 'POLL_TIMEOUT'],
  ['contract CaptureError', () => new CaptureError('x'), 'CAPTURE_FAILED'],
  ['reconciler ReconcilerError', () => new ReconcilerError('ANY', 'x'), 'ANY'],
  ['reconciler StoreConfigError', () => new StoreConfigError('url', 'x'), 'STORE_CONFIG'],
  ['reconciler StoreUnavailableError', () => new StoreUnavailableError('x'), 'STORE_UNAVAILABLE'],
  ['reconciler AccountBusyError', () => new AccountBusyError('a1'), 'ACCOUNT_BUSY'],
  ['reconciler AccountError', () => new AccountError('a1', 'x'), 'ACCOUNT'],
];

describe('every error class has one root and a code', () => {
  it.each(rows)('%s extends EsimSandboxError with its code', (_name, make, code) => {
    const error = make();
    expect(error).toBeInstanceOf(EsimSandboxError);
    expect((error as EsimSandboxError).code).toBe(code);
    expect(error.name).toBe(error.constructor.name);
  });
});
