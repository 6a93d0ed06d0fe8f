/**
 * @module
 * One HTTP attempt of a webhook delivery: POST JSON, bounded by a real-time timeout.
 */
import type { WebhookAttempt } from './types.js';

export interface SendOptions {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  fetch: typeof fetch;
  realNow: () => number;
}

/** Never throws: network errors and timeouts become the attempt's `error`. */
export async function sendWebhook(options: SendOptions, at: number): Promise<WebhookAttempt> {
  const started = options.realNow();
  try {
    const res = await options.fetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: options.body,
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: 'manual',
    });
    // Drain so the connection is released; the content does not matter.
    await res.arrayBuffer().catch(() => undefined);
    return { at, status: res.status, durationMs: options.realNow() - started };
  } catch (err) {
    const error =
      err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')
        ? 'timeout'
        : describe(err);
    return { at, error, durationMs: options.realNow() - started };
  }
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
    return `${err.message}${cause}`;
  }
  return String(err);
}
