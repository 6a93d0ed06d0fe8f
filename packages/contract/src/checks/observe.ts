/**
 * Helpers the check tables share: a provider call's outcome as facts, raw requests the client would never send,
 * polling for asynchronous work, schema issues as lines, and unique ids for what a check creates.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { type FetchLike, ProviderError, toValidationIssues } from '@esim-sandbox/core';
import type { z } from 'zod';
import { PollTimeoutError } from '../errors.js';
import type { RunOptions } from '../runner/types.js';

export type Outcome = { ok: true } | { ok: false; errorCode: string };

/** `{ ok: true }`, or the provider's refusal as `{ ok: false, errorCode }`; anything else is a real error. */
export async function outcome(call: Promise<unknown>): Promise<Outcome> {
  try {
    await call;
    return { ok: true };
  } catch (error) {
    if (error instanceof ProviderError) return { ok: false, errorCode: error.code };
    throw error;
  }
}

/** The provider's code of a refusal, or null when the call succeeded. */
export async function refusalCode(call: Promise<unknown>): Promise<string | null> {
  const result = await outcome(call);
  return result.ok ? null : result.errorCode;
}

export interface RawAnswer {
  status: number;
  /** The parsed body, or undefined when it is not JSON. */
  json: unknown;
}

/** A request exactly as given (bad credentials, unknown regions): the status and the body, whatever they are. */
export async function rawRequest(fetch: FetchLike, url: string, init: RequestInit): Promise<RawAnswer> {
  const res = await fetch(url, init);
  const text = await res.text();
  try {
    return { status: res.status, json: JSON.parse(text) };
  } catch {
    return { status: res.status, json: undefined };
  }
}

export interface PollEnv {
  options: RunOptions;
  sleep(ms: number): Promise<void>;
}

/** Calls `attempt` until it returns a value, every `pollIntervalMs` (1 s) for at most `pollTimeoutMs` (60 s). */
export async function poll<T>(env: PollEnv, what: string, attempt: () => Promise<T | undefined>): Promise<T> {
  const interval = env.options.pollIntervalMs ?? 1000;
  const timeout = env.options.pollTimeoutMs ?? 60_000;
  for (let waited = 0; ; waited += interval) {
    const value = await attempt();
    if (value !== undefined) return value;
    if (waited >= timeout) throw new PollTimeoutError(what, timeout);
    await env.sleep(interval);
  }
}

/** `obj.packageList[0].price: expected int` lines for a failed parse. */
export function schemaIssues(prefix: string, error: z.ZodError): string[] {
  return toValidationIssues(error).map((i) => {
    const path = i.path === '' || i.path.startsWith('[') ? i.path : `.${i.path}`;
    return `${prefix}${path}: ${i.message}`;
  });
}

/** A transaction id nobody used: `contract-<32 hex>` (41 characters; the provider allows 50). */
export function uniqueId(prefix = 'contract'): string {
  return `${prefix}-${randomUUID().replaceAll('-', '')}`;
}
