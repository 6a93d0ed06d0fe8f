import { AbortError, ConnectionError, type ProviderName, TimeoutError } from '../errors.js';
import type { RateLimiter } from './rate-limiter.js';
import {
  type AttemptOutcome,
  type RetryPolicy,
  resolveRetryPolicy,
  retryAfterMs,
  shouldRetry,
} from './retry.js';

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface TransportConfig {
  provider: ProviderName;
  baseUrl: string;
  fetch?: FetchLike | undefined;
  /** Per attempt. Default 30 s. */
  timeoutMs?: number | undefined;
  retry?: Partial<RetryPolicy> | false | undefined;
  limiter?: RateLimiter | null | undefined;
  /** Injected for deterministic tests. */
  random?: (() => number) | undefined;
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
}

export interface TransportRequest {
  method: 'GET' | 'POST';
  /** Appended to the base URL, e.g. `/api/v1/open/balance/query`. */
  path: string;
  query?: Record<string, string | undefined>;
  /** The exact bytes that go on the wire; signatures are computed over this same string. */
  body?: string;
  /** Built again for every attempt, so timestamps, request ids and signatures are always fresh. */
  headers: (attempt: number) => Record<string, string>;
  /**
   * True only when sending the request twice cannot do anything twice: reads, or writes carrying
   * an idempotency key the provider deduplicates on. Unsafe requests are never retried once sent.
   */
  retrySafe: boolean;
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
}

export interface TransportResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON, or undefined when the body is not JSON. */
  json: unknown;
  attempts: number;
  /** The request id header of the last attempt, when the provider has one. */
  requestHeaders: Record<string, string>;
}

/** Tells the transport whether an answer is a transient failure worth another attempt. */
export type RetryClassifier = (response: TransportResponse) => boolean;

const defaultClassifier: RetryClassifier = (response) => response.status === 429 || response.status >= 500;

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortError({ cause: signal.reason }));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortError({ cause: signal?.reason }));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The single path every client call takes (stripe-node's RequestSender): rate limit, timeout,
 * caller abort, and retries with backoff only for requests marked safe.
 */
export class HttpTransport {
  readonly provider: ProviderName;
  readonly baseUrl: string;
  private readonly fetchImpl: FetchLike;
  private readonly timeoutMs: number;
  private readonly policy: RetryPolicy;
  private readonly limiter: RateLimiter | null;
  private readonly random: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(config: TransportConfig) {
    this.provider = config.provider;
    this.baseUrl = config.baseUrl.replace(/\/+$/, '');
    // Late-bound so msw (which patches globalThis.fetch after import) still intercepts.
    this.fetchImpl = config.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = config.timeoutMs ?? 30_000;
    this.policy = resolveRetryPolicy(config.retry);
    this.limiter = config.limiter ?? null;
    this.random = config.random ?? Math.random;
    this.sleep = config.sleep ?? sleep;
  }

  url(path: string, query?: Record<string, string | undefined>): string {
    const url = new URL(this.baseUrl + path);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, value);
    }
    return url.toString();
  }

  async send(
    request: TransportRequest,
    isRetryable: RetryClassifier = defaultClassifier,
  ): Promise<TransportResponse> {
    const url = this.url(request.path, request.query);
    const retry = { retrySafe: request.retrySafe, policy: this.policy, random: this.random };
    for (let attempt = 1; ; attempt++) {
      if (this.limiter) await this.limiter.acquire(request.signal);
      const headers = request.headers(attempt);
      let response: TransportResponse | undefined;
      let failure: unknown;
      let outcome: AttemptOutcome;
      try {
        response = await this.attempt(url, request, headers, attempt);
        const transient = isRetryable(response);
        outcome = { kind: 'answer', transient, retryAfterMs: retryAfterMs(response.headers, this.policy) };
      } catch (error) {
        failure = error;
        outcome = { kind: error instanceof AbortError ? 'aborted' : 'network' };
      }
      const decision = shouldRetry({ ...retry, attempt, outcome });
      if (!decision.retry) {
        if (response) return response;
        throw failure;
      }
      await this.sleep(decision.delayMs, request.signal);
    }
  }

  private async attempt(
    url: string,
    request: TransportRequest,
    headers: Record<string, string>,
    attempt: number,
  ): Promise<TransportResponse> {
    const timeoutMs = request.timeoutMs ?? this.timeoutMs;
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout.signal]) : timeout.signal;
    try {
      const init: RequestInit = { method: request.method, headers, signal };
      if (request.body !== undefined) init.body = request.body;
      const res = await this.fetchImpl(url, init);
      const text = await res.text();
      return {
        status: res.status,
        headers: res.headers,
        text,
        json: parseJson(text),
        attempts: attempt,
        requestHeaders: headers,
      };
    } catch (error) {
      if (request.signal?.aborted) throw new AbortError({ cause: request.signal.reason });
      if (timeout.signal.aborted) throw new TimeoutError(timeoutMs);
      const message = error instanceof Error ? error.message : String(error);
      throw new ConnectionError(`${this.provider}: ${request.method} ${request.path} failed: ${message}`, {
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }
  }
}

function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
