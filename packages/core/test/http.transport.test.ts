import { describe, expect, it, vi } from 'vitest';
import { AbortError, ConnectionError, TimeoutError } from '../src/errors.js';
import { backoffMs, defaultRetryPolicy, retryAfterMs } from '../src/http/retry.js';
import { type FetchLike, HttpTransport, type TransportRequest } from '../src/http/transport.js';

type Step = Response | Error | 'hang';

/** A fetch that plays a script of answers and records what it was sent. */
function scriptedFetch(steps: Step[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch: FetchLike = (input, init = {}) => {
    calls.push({ url: String(input), init });
    const step = steps.shift() ?? new Response('{}');
    if (step === 'hang') {
      return new Promise((_, reject) => {
        init.signal?.addEventListener('abort', () => reject(new Error('aborted')));
      });
    }
    return step instanceof Error ? Promise.reject(step) : Promise.resolve(step);
  };
  return { fetch, calls };
}

const noSleep = vi.fn(async () => {});

function transport(fetch: FetchLike, extra: Partial<ConstructorParameters<typeof HttpTransport>[0]> = {}) {
  return new HttpTransport({
    provider: 'esimaccess',
    baseUrl: 'https://provider.test/',
    fetch,
    sleep: noSleep,
    random: () => 0.5,
    ...extra,
  });
}

function request(overrides: Partial<TransportRequest> = {}): TransportRequest {
  return {
    method: 'POST',
    path: '/api/thing',
    body: '{"a":1}',
    headers: (attempt) => ({ 'content-type': 'application/json', 'x-attempt': String(attempt) }),
    retrySafe: true,
    ...overrides,
  };
}

describe('HttpTransport', () => {
  it('sends the exact body and per-attempt headers to the joined URL', async () => {
    const { fetch, calls } = scriptedFetch([new Response('{"ok":true}', { status: 200 })]);
    const res = await transport(fetch).send(request({ query: { region: 'JP', skip: undefined } }));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('https://provider.test/api/thing?region=JP');
    expect(calls[0]!.init.body).toBe('{"a":1}');
    expect(calls[0]!.init.headers).toEqual({ 'content-type': 'application/json', 'x-attempt': '1' });
    expect(res.json).toEqual({ ok: true });
    expect(res.attempts).toBe(1);
  });

  it('retries a safe request after network errors and 5xx, rebuilding headers each time', async () => {
    const { fetch, calls } = scriptedFetch([
      new TypeError('fetch failed'),
      new Response('busy', { status: 503 }),
      new Response('{"done":1}'),
    ]);
    const res = await transport(fetch).send(request());
    expect(res.json).toEqual({ done: 1 });
    expect(res.attempts).toBe(3);
    expect(calls.map((c) => (c.init.headers as Record<string, string>)['x-attempt'])).toEqual([
      '1',
      '2',
      '3',
    ]);
  });

  it('never sends an unsafe request twice', async () => {
    const { fetch, calls } = scriptedFetch([new TypeError('socket hang up'), new Response('{}')]);
    await expect(transport(fetch).send(request({ retrySafe: false }))).rejects.toBeInstanceOf(
      ConnectionError,
    );
    expect(calls).toHaveLength(1);
  });

  it('returns the last answer once retries are spent', async () => {
    const { fetch, calls } = scriptedFetch([
      new Response('a', { status: 500 }),
      new Response('b', { status: 500 }),
      new Response('c', { status: 500 }),
      new Response('d', { status: 200 }),
    ]);
    const res = await transport(fetch, { retry: { maxRetries: 2 } }).send(request());
    expect(res.status).toBe(500);
    expect(res.text).toBe('c');
    expect(calls).toHaveLength(3);
  });

  it('uses the provider classifier to retry envelope errors', async () => {
    const { fetch, calls } = scriptedFetch([
      new Response('{"success":false,"errorCode":"900001"}'),
      new Response('{"success":true}'),
    ]);
    const res = await transport(fetch).send(
      request(),
      (r) => (r.json as { errorCode?: string }).errorCode === '900001',
    );
    expect(res.json).toEqual({ success: true });
    expect(calls).toHaveLength(2);
  });

  it('follows a Retry-After hint instead of its own backoff', async () => {
    const sleep = vi.fn(async () => {});
    const { fetch } = scriptedFetch([new Response('', { status: 429, headers: { 'retry-after': '2' } })]);
    await transport(fetch, { sleep }).send(request());
    expect(sleep).toHaveBeenCalledWith(2000, undefined);
  });

  it('turns a hung request into TimeoutError', async () => {
    const { fetch } = scriptedFetch(['hang']);
    const err = await transport(fetch, { retry: false })
      .send(request({ timeoutMs: 20 }))
      .catch((e) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err.code).toBe('TIMEOUT');
  });

  it('stops at once when the caller aborts, without retrying', async () => {
    const { fetch, calls } = scriptedFetch(['hang', new Response('{}')]);
    const controller = new AbortController();
    const pending = transport(fetch).send(request({ signal: controller.signal }));
    setTimeout(() => controller.abort(), 5);
    await expect(pending).rejects.toBeInstanceOf(AbortError);
    expect(calls).toHaveLength(1);
  });

  it('waits for the limiter before every attempt', async () => {
    const acquire = vi.fn(async () => {});
    const { fetch } = scriptedFetch([new Response('', { status: 500 }), new Response('{}')]);
    await transport(fetch, { limiter: { acquire } }).send(request());
    expect(acquire).toHaveBeenCalledTimes(2);
  });
});

describe('backoff', () => {
  it('doubles per attempt with equal jitter and caps at maxDelayMs', () => {
    const policy = { maxRetries: 5, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((a) => backoffMs(a, policy, () => 0))).toEqual([50, 100, 200, 400, 500]);
    expect([1, 2, 3, 4, 5].map((a) => backoffMs(a, policy, () => 1))).toEqual([100, 200, 400, 800, 1000]);
  });

  it('reads Retry-After in seconds or as a date, and ignores garbage', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const h = (v: string) => new Headers({ 'retry-after': v });
    expect(retryAfterMs(h('3'), defaultRetryPolicy, now)).toBe(3000);
    expect(retryAfterMs(h('Thu, 01 Jan 2026 00:00:04 GMT'), defaultRetryPolicy, now)).toBe(4000);
    expect(retryAfterMs(h('soon'), defaultRetryPolicy, now)).toBeUndefined();
    expect(retryAfterMs(h('9999'), defaultRetryPolicy, now)).toBe(defaultRetryPolicy.maxDelayMs);
  });
});
