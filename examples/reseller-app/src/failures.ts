/**
 * How the shop reads a failed provider call: a refusal (the provider answered no), or a lost answer (the call may
 * or may not have reached it). Anything else is a bug in the shop and is not caught.
 * @module
 */
import { ConnectionError, ProviderError, TimeoutError } from '@esim-sandbox/core';

/** The connection dropped or timed out: only a repeat that is safe to send (a read, a same-transactionId order) tells. */
export const answerLost = (error: unknown): error is ConnectionError | TimeoutError =>
  error instanceof ConnectionError || error instanceof TimeoutError;

/** A refusal or a lost answer: what a look at the provider may meet and try again on the next look. */
export const providerFailed = (error: unknown): boolean =>
  error instanceof ProviderError || answerLost(error);
