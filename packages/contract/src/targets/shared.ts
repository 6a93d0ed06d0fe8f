/**
 * What both providers' targets share: reading credentials from the environment, and msw interception for the
 * in-process mock (unhandled requests are errors, so nothing can leak to the real provider).
 * @module
 */
import type { FetchLike } from '@esim-sandbox/core';
import type { HttpHandler } from 'msw';
import { setupServer } from 'msw/node';
import type { Target } from '../runner/types.js';

export type Env = Record<string, string | undefined>;

export interface TargetOptions {
  /** Where credentials come from. Default `process.env`. */
  env?: Env;
  /**
   * live: the real base URL is the default; mock-http: the URL of a mock that is already running (none started).
   */
  baseUrl?: string;
  /** live: the fetch that reaches the provider (tests pass a fake; nothing real is ever called from tests). */
  fetch?: FetchLike;
}

/** `A and B are not set`, `B is not set`, or undefined when every variable has a value. */
export function missingEnv(env: Env, names: readonly string[]): string | undefined {
  const missing = names.filter((name) => !env[name]?.trim());
  if (missing.length === 0) return undefined;
  const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`;
  return `${list} ${missing.length === 1 ? 'is' : 'are'} not set`;
}

/** Late-bound, so msw (which patches the global fetch) intercepts it. */
export const globalFetch: FetchLike = (input, init) => globalThis.fetch(input, init);

/** Serves handlers in process until closed; a request no handler takes fails instead of going out. */
export function interceptWithMsw(handlers: readonly HttpHandler[]): { close(): void } {
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: 'error' });
  return { close: () => server.close() };
}

/** What a provider's target factory builds; the provider, kind and redaction are added around it. */
export type TargetParts<C> = Pick<Target<C>, 'baseUrl' | 'credentials' | 'fetch' | 'realMoney' | 'close'>;
