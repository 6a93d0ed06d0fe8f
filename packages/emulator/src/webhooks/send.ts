/**
 * @module
 * One HTTP attempt of a webhook delivery: POST JSON, bounded by a real-time timeout.
 */
import { isGlobalFetchUnreplaced, post } from './post.js';
import type { WebhookAttempt } from './types.js';

export interface SendOptions {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** The emulator's `fetch` option; undefined: none was given (the global fetch, or node:http standing in for it). */
  fetch: typeof fetch | undefined;
  realNow: () => number;
}

/** Never throws: network errors and timeouts become the attempt's `error`. */
export async function sendWebhook(options: SendOptions, at: number): Promise<WebhookAttempt> {
  const started = options.realNow();
  const headers = { 'content-type': 'application/json', ...options.headers };
  try {
    const status =
      options.fetch === undefined && isGlobalFetchUnreplaced()
        ? (await post(options.url, options.body, headers, options.timeoutMs)).status
        : await fetchStatus(options.fetch ?? globalThis.fetch, options, headers);
    return { at, status, durationMs: options.realNow() - started };
  } catch (err) {
    const error =
      err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')
        ? 'timeout'
        : describe(err);
    return { at, error, durationMs: options.realNow() - started };
  }
}

/** Through the configured fetch (an msw-patched or a test's own): what it answers, drained. */
async function fetchStatus(
  fetch: typeof globalThis.fetch,
  options: SendOptions,
  headers: Record<string, string>,
): Promise<number> {
  const res = await fetch(options.url, {
    method: 'POST',
    headers,
    body: options.body,
    signal: AbortSignal.timeout(options.timeoutMs),
    redirect: 'manual',
  });
  // Drain so the connection is released; the content does not matter.
  await res.arrayBuffer().catch(() => undefined);
  return res.status;
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
    return `${err.message}${cause}`;
  }
  return String(err);
}
