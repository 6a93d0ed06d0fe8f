import { HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { AbortError, ConnectionError, RateLimitError, TimeoutError } from '../src/errors.js';
import type { FetchLike } from '../src/http/transport.js';
import { aProfile } from './esimaccess/fixtures.js';
import { expectSignedRequest, fail, makeClient, ok, useEsimAccessServer } from './esimaccess/harness.js';

const { answer, seen } = useEsimAccessServer();

const ORDER = { transactionId: 'txn-retry-1', packageInfoList: [{ packageCode: 'JC016', count: 1 }] };

/** A fetch that never answers and rejects only when its signal aborts. */
const hangingFetch: FetchLike = (_input, init) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
  });

describe('retries', () => {
  it('retries an order with the same transactionId, body bytes and a fresh signature', async () => {
    answer('/esim/order', fail('000001', 'server error'), ok({ orderNo: 'B25091113270004' }));
    const result = await makeClient({ retry: { maxRetries: 2, baseDelayMs: 0 } }).order(ORDER);
    expect(result).toEqual({ orderNo: 'B25091113270004' });
    expect(seen).toHaveLength(2);
    const [first, second] = seen;
    expect(second?.rawBody).toBe(first?.rawBody);
    expect(second?.requestId).not.toBe(first?.requestId);
    expect(second?.timestamp).not.toBe(first?.timestamp);
    expect(second?.signature).not.toBe(first?.signature);
    for (const wire of seen) expectSignedRequest(wire, '/esim/order', ORDER);
  });

  it('retries a top-up after a dropped connection', async () => {
    const topUp = { esimTranNo: '24111319542101', packageCode: 'TOPUP_JC172', transactionId: 'tp-1' };
    answer(
      '/esim/topup',
      () => HttpResponse.error(),
      ok({
        transactionId: 'tp-1',
        iccid: '8985',
        expiredTime: '2025-01-01T00:00:00+0000',
        totalVolume: 1,
        totalDuration: 1,
        orderUsage: 0,
      }),
    );
    await expect(makeClient().topUp(topUp)).resolves.toMatchObject({ transactionId: 'tp-1' });
    expect(seen).toHaveLength(2);
    for (const wire of seen) expectSignedRequest(wire, '/esim/topup', topUp);
  });

  it.each([
    {
      method: 'cancel',
      path: '/esim/cancel',
      call: (c: ReturnType<typeof makeClient>) => c.cancel({ esimTranNo: '1' }),
    },
    {
      method: 'suspend',
      path: '/esim/suspend',
      call: (c: ReturnType<typeof makeClient>) => c.suspend({ esimTranNo: '1' }),
    },
    {
      method: 'unsuspend',
      path: '/esim/unsuspend',
      call: (c: ReturnType<typeof makeClient>) => c.unsuspend({ esimTranNo: '1' }),
    },
    {
      method: 'revoke',
      path: '/esim/revoke',
      call: (c: ReturnType<typeof makeClient>) => c.revoke({ esimTranNo: '1' }),
    },
    {
      method: 'sendSms',
      path: '/esim/sendSms',
      call: (c: ReturnType<typeof makeClient>) => c.sendSms({ esimTranNo: '1', message: 'hi' }),
    },
  ])('does not retry $method after a retryable answer', async ({ path, call }) => {
    answer(path, fail('900001', 'system busy'), ok({}));
    await expect(call(makeClient({ retry: { maxRetries: 3, baseDelayMs: 0 } }))).rejects.toBeInstanceOf(
      RateLimitError,
    );
    expect(seen).toHaveLength(1);
  });

  it('retries webhook/save after "system busy" and a dropped connection: saving the same URL again changes nothing', async () => {
    answer('/webhook/save', fail('900001', 'system busy'), () => HttpResponse.error(), ok({}));
    const client = makeClient({ retry: { maxRetries: 3, baseDelayMs: 0 } });
    await expect(client.saveWebhook({ webhook: 'https://x.test/h' })).resolves.toBeUndefined();
    expect(seen).toHaveLength(3);
  });

  it('does not retry a cancel after a dropped connection', async () => {
    answer('/esim/cancel', () => HttpResponse.error(), ok({}));
    await expect(makeClient().cancel({ esimTranNo: '1' })).rejects.toBeInstanceOf(ConnectionError);
    expect(seen).toHaveLength(1);
  });

  it('retries "system busy" on a read with exponential backoff', async () => {
    answer('/balance/query', fail('900001'), fail('900001'), ok({ balance: 3 }));
    const sleep = vi.fn(async (_ms: number) => {});
    const client = makeClient({
      retry: { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 10_000 },
      random: () => 0,
      sleep,
    });
    await expect(client.getBalance()).resolves.toEqual({ balance: 3 });
    expect(seen).toHaveLength(3);
    // Equal jitter with random() = 0 waits half of 100 * 2^(n-1).
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([50, 100]);
  });

  it('retries 200010 (profiles still allocating) on esim/query until they are ready', async () => {
    answer(
      '/esim/query',
      fail('200010', 'the batchOrder has been getting resource, total:[1], success:[0]'),
      ok({ esimList: [aProfile()], pager: { pageNum: 1, pageSize: 5, total: 1 } }),
    );
    const page = await makeClient().queryProfiles({
      orderNo: 'B23120118131854',
      pager: { pageNum: 1, pageSize: 5 },
    });
    expect(page.esimList).toHaveLength(1);
    expect(seen).toHaveLength(2);
  });

  it('gives up after maxRetries and throws the last error', async () => {
    answer('/balance/query', fail('000001', 'server error'));
    await expect(makeClient({ retry: { maxRetries: 2, baseDelayMs: 0 } }).getBalance()).rejects.toMatchObject(
      {
        code: '000001',
        retryable: true,
      },
    );
    expect(seen).toHaveLength(3);
  });

  it('does not retry a non-retryable code on a read', async () => {
    answer('/esim/query', fail('310272', "the orderNo doesn't exist"));
    await expect(
      makeClient().queryProfiles({ orderNo: 'B0', pager: { pageNum: 1, pageSize: 5 } }),
    ).rejects.toMatchObject({ code: '310272', retryable: false });
    expect(seen).toHaveLength(1);
  });
});

describe('timeouts and cancellation', () => {
  it('throws TimeoutError when no answer arrives in time', async () => {
    const client = makeClient({ fetch: hangingFetch, timeoutMs: 5, retry: false });
    await expect(client.getBalance()).rejects.toBeInstanceOf(TimeoutError);
  });

  it('lets one call override the timeout', async () => {
    const client = makeClient({ fetch: hangingFetch, retry: false });
    await expect(client.getBalance({ timeoutMs: 5 })).rejects.toMatchObject({
      code: 'TIMEOUT',
      timeoutMs: 5,
    });
  });

  it('throws AbortError when the caller aborts an in-flight call', async () => {
    const controller = new AbortController();
    const pending = makeClient({ fetch: hangingFetch }).getBalance({ signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortError);
  });

  it.each([
    { name: 'without a limiter', rateLimit: false as const },
    { name: 'with the default limiter', rateLimit: undefined },
  ])('sends nothing when the signal is already aborted ($name)', async ({ rateLimit }) => {
    answer('/balance/query', ok({ balance: 1 }));
    const client = makeClient({ rateLimit });
    await expect(client.getBalance({ signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
    expect(seen).toHaveLength(0);
  });
});

describe('rate limiting', () => {
  it('passes every attempt of every call through the one limiter', async () => {
    answer('/balance/query', fail('900001'), ok({ balance: 1 }));
    answer('/location/list', ok({ locationList: [] }));
    const acquire = vi.fn(async () => {});
    const client = makeClient({ rateLimit: { acquire }, retry: { maxRetries: 1, baseDelayMs: 0 } });
    await client.getBalance();
    await client.listLocations();
    expect(acquire).toHaveBeenCalledTimes(3);
  });

  it('holds back calls beyond the configured limit', async () => {
    let fetched = 0;
    const countingFetch: FetchLike = async () => {
      fetched += 1;
      return Response.json(ok({ balance: 1 }));
    };
    const client = makeClient({ fetch: countingFetch, rateLimit: { limit: 1, windowMs: 60_000 } });
    await client.getBalance();
    const controller = new AbortController();
    const second = client.getBalance({ signal: controller.signal });
    // Unthrottled, the second fetch would start within these turns of the event loop.
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(fetched).toBe(1);
    controller.abort();
    await expect(second).rejects.toBeInstanceOf(AbortError);
    expect(fetched).toBe(1);
  });

  it('spaces the default limiter 100 ms beyond the 1-second window so the provider never sees a 9th call', async () => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    try {
      const starts: number[] = [];
      const countingFetch: FetchLike = async () => {
        starts.push(Date.now());
        return Response.json(ok({ balance: 1 }));
      };
      const client = makeClient({ fetch: countingFetch, rateLimit: undefined });
      const calls = Array.from({ length: 9 }, () => client.getBalance());
      await vi.runAllTimersAsync();
      await Promise.all(calls);
      expect(starts).toHaveLength(9);
      expect(starts[8]! - starts[0]!).toBe(1_100);
    } finally {
      vi.useRealTimers();
    }
  });
});
