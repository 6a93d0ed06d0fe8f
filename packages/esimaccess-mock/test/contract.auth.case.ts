/**
 * Auth, the RT-Timestamp time base and the rate limit as a client sees them (issue #14, points 1-3): the live
 * defaults, the documented profile, and the switches, through the provider API and the control API.
 */
import { ESIM_ACCESS_HEADERS, EsimAccessClient, esimAccessSignatureHeaders } from '@esim-sandbox/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EsimAccessMockOptions } from '../src/runtime/options.js';
import type { Harness, MakeHarness } from './support/harness.js';

const BALANCE = '/api/v1/open/balance/query';

interface Signed {
  /** Default: the default account's secret. */
  secretKey?: string;
  /** Default: Date.now(), the clock production code signs with. */
  timestamp?: number;
  requestId?: string;
  /** Default: the default account's access code. */
  accessCode?: string;
}

let ids = 0;

/** Headers of one request: RT-AccessCode alone, or signed over `body` when `signed` is given. */
function headersFor(h: Harness, body: string, signed?: Signed): Record<string, string> {
  const accessCode = signed?.accessCode ?? h.mock.accessCode;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    [ESIM_ACCESS_HEADERS.accessCode]: accessCode,
  };
  if (!signed) return headers;
  return Object.assign(
    headers,
    esimAccessSignatureHeaders({
      timestamp: signed.timestamp ?? Date.now(),
      requestId: signed.requestId ?? `auth-case-${++ids}`,
      accessCode,
      body,
      secretKey: signed.secretKey ?? h.mock.secretKey,
    }),
  );
}

/** POSTs balance/query the way a client would; answers the HTTP status and the parsed envelope. */
async function balance(
  h: Harness,
  signed?: Signed,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const body = '{}';
  const res = await fetch(`${h.baseUrl}${BALANCE}`, {
    method: 'POST',
    headers: headersFor(h, body, signed),
    body,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** 'accepted', or the provider's code of the refusal. */
async function codeOf(h: Harness, signed?: Signed): Promise<string> {
  const { body } = await balance(h, signed);
  return body.success === true ? 'accepted' : String(body.errorCode);
}

/** The control API over the same transport (the harness serves `/_sandbox` on `baseUrl` in both modes). */
async function control(h: Harness, method: string, path: string, body?: unknown) {
  const res = await fetch(`${h.baseUrl}/_sandbox${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function using(make: MakeHarness, options: EsimAccessMockOptions, test: (h: Harness) => Promise<void>) {
  const h = await make(options);
  try {
    await test(h);
  } finally {
    await h.close();
  }
}

const HOUR = 60 * 60_000;

export function runAuthContract(mode: string, make: MakeHarness): void {
  describe(`auth, timestamp time base and rate limit (${mode})`, () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    const profiles: {
      label: string;
      options: EsimAccessMockOptions;
      alone: string;
      wrongKey: string;
      right: string;
    }[] = [
      { label: 'the live default', options: {}, alone: 'accepted', wrongKey: '101003', right: 'accepted' },
      {
        label: 'the documented profile',
        options: { fidelity: 'documented' },
        alone: '000101',
        wrongKey: '101003',
        right: 'accepted',
      },
      {
        label: "auth.signature 'hmac'",
        options: { auth: { signature: 'hmac' } },
        alone: '000101',
        wrongKey: '101003',
        right: 'accepted',
      },
      {
        label: "auth.signature 'unverified'",
        options: { auth: { signature: 'unverified' } },
        alone: 'accepted',
        wrongKey: 'accepted',
        right: 'accepted',
      },
    ];
    it.each(profiles)(
      'with $label: RT-AccessCode alone is $alone, a wrong-key signature $wrongKey, a right one $right',
      async ({ options, alone, wrongKey, right }) => {
        await using(make, options, async (h) => {
          expect(await codeOf(h)).toBe(alone);
          expect(await codeOf(h, { secretKey: 'not-the-secret' })).toBe(wrongKey);
          expect(await codeOf(h, {})).toBe(right);
        });
      },
    );

    it('accepts RT-AccessCode alone by default with the balance in an HTTP 200 envelope', async () => {
      await using(make, {}, async (h) => {
        expect(await balance(h)).toEqual({
          status: 200,
          body: { success: true, errorCode: null, errorMsg: null, obj: { balance: 10_000_000 } },
        });
      });
    });

    it("keeps accepting a client that signs with the wall clock after the fake's clock moves an hour", async () => {
      await using(make, {}, async (h) => {
        await h.account.advance(HOUR);
        expect(await codeOf(h, {})).toBe('accepted');
        await expect(h.client().getBalance()).resolves.toEqual({ balance: 10_000_000 });
      });
    });

    it("checks RT-Timestamp against the Date.now() the test runner's fake timers set", async () => {
      await using(make, {}, async (h) => {
        vi.useFakeTimers({ toFake: ['Date'] });
        vi.setSystemTime(new Date('2031-03-01T08:00:00Z'));
        await expect(h.client().getBalance()).resolves.toEqual({ balance: 10_000_000 });
        expect(await codeOf(h, { timestamp: Date.parse('2031-03-01T07:45:00Z') })).toBe('101001');
      });
    });

    it('remembers RT-RequestIDs on the same time base: an id is forgotten once the caller clock leaves its window', async () => {
      await using(make, {}, async (h) => {
        vi.useFakeTimers({ toFake: ['Date'] });
        vi.setSystemTime(new Date('2031-03-01T08:00:00Z'));
        expect(await codeOf(h, { requestId: 'kept-id' })).toBe('accepted');
        expect(await codeOf(h, { requestId: 'kept-id' })).toBe('101001');
        vi.setSystemTime(new Date('2031-03-01T08:11:00Z'));
        expect(await codeOf(h, { requestId: 'kept-id' })).toBe('accepted');
      });
    });

    it('follows the virtual clock once the control API says so, and reports the settings', async () => {
      await using(make, {}, async (h) => {
        await h.account.advance(HOUR);
        const virtualNow = h.account.tenant.clock.now();
        expect(await codeOf(h, { timestamp: virtualNow })).toBe('101001');
        const set = await control(h, 'PUT', '/auth', { timestampClock: 'virtual' });
        expect(set).toMatchObject({
          status: 200,
          body: { fidelity: 'live', auth: { timestampClock: 'virtual' } },
        });
        expect(await codeOf(h, { timestamp: virtualNow })).toBe('accepted');
        expect(await codeOf(h, { timestamp: Date.now() })).toBe('101001');
        expect((await control(h, 'GET', '/auth')).body).toEqual({
          fidelity: 'live',
          auth: {
            signature: 'access-code-only',
            timestampClock: 'virtual',
            timestampWindowMs: 600_000,
            singleUseRequestId: true,
            ipAllowlist: null,
            unknownAccessCode: '401001',
          },
        });
      });
    });

    it('narrows the timestamp window through the control API, and refuses a bad value naming the field', async () => {
      await using(make, {}, async (h) => {
        expect((await control(h, 'PUT', '/auth', { timestampWindowMs: 1_000 })).status).toBe(200);
        expect(await codeOf(h, { timestamp: Date.now() + 1_500 })).toBe('101001');
        expect(await codeOf(h, { timestamp: Date.now() + 900 })).toBe('accepted');
        const bad = await control(h, 'PUT', '/auth', { timestampWindowMs: -1 });
        expect(bad.status).toBe(400);
        expect(JSON.stringify(bad.body)).toContain('timestampWindowMs');
      });
    });

    it('limits each access code to 8 requests per second by default, answering 900001 in an HTTP 200 envelope', async () => {
      const real = { now: Date.parse('2026-01-01T00:00:00Z') };
      await using(make, { rateLimit: undefined, realNow: () => real.now }, async (h) => {
        const first = await Promise.all(Array.from({ length: 9 }, () => balance(h, {})));
        expect(first.filter((r) => r.body.success === true)).toHaveLength(8);
        expect(first.filter((r) => r.body.errorCode === '900001')).toEqual([
          {
            status: 200,
            body: { success: false, errorCode: '900001', errorMsg: expect.any(String), obj: null },
          },
        ]);
        const other = h.mock.control.createAccount();
        expect(await codeOf(h, { accessCode: other.accessCode, secretKey: other.secretKey })).toBe(
          'accepted',
        );
        real.now += 1_000;
        expect(await codeOf(h, {})).toBe('accepted');
      });
    });

    it("never trips the default limit with core's client on its default settings, even in a burst", async () => {
      await using(make, { rateLimit: undefined }, async (h) => {
        const client = new EsimAccessClient({
          accessCode: h.mock.accessCode,
          secretKey: h.mock.secretKey,
          baseUrl: h.baseUrl,
          retry: false,
        });
        const answers = await Promise.all(Array.from({ length: 17 }, () => client.getBalance()));
        expect(answers).toEqual(Array(17).fill({ balance: 10_000_000 }));
        expect(h.account.tenant.journal.list({}).filter((e) => e.rateLimited)).toEqual([]);
      });
    });

    it('turns the limit off and changes it through the control API', async () => {
      const real = { now: Date.parse('2026-01-01T00:00:00Z') };
      await using(make, { rateLimit: undefined, realNow: () => real.now }, async (h) => {
        expect((await control(h, 'GET', '/accounts/default/rate-limit')).body).toEqual({
          rateLimit: { limit: 8, windowMs: 1000 },
        });
        await control(h, 'PUT', '/accounts/default/rate-limit', null);
        const burst = await Promise.all(Array.from({ length: 12 }, () => codeOf(h, {})));
        expect(burst).toEqual(Array(12).fill('accepted'));
        await control(h, 'PUT', '/accounts/default/rate-limit', { limit: 2, windowMs: 1000 });
        expect([await codeOf(h, {}), await codeOf(h, {}), await codeOf(h, {})]).toEqual([
          'accepted',
          'accepted',
          '900001',
        ]);
      });
    });

    it('lets an identical retry through after an injected fault or the rate limiter refused the request', async () => {
      const real = { now: Date.parse('2026-01-01T00:00:00Z') };
      await using(make, { rateLimit: { limit: 1, windowMs: 1000 }, realNow: () => real.now }, async (h) => {
        const faulted: Signed = { requestId: 'retried-after-fault', timestamp: Date.now() };
        h.account.tenant.faults.add({ path: BALANCE, times: 1, action: { type: 'error', code: '000001' } });
        expect(await codeOf(h, faulted)).toBe('000001');
        expect(await codeOf(h, faulted)).toBe('accepted');
        expect(await codeOf(h, faulted)).toBe('101001');

        const throttled: Signed = { requestId: 'retried-after-limit', timestamp: Date.now() };
        expect(await codeOf(h, throttled)).toBe('900001');
        real.now += 1_000;
        expect(await codeOf(h, throttled)).toBe('accepted');
        real.now += 1_000;
        expect(await codeOf(h, throttled)).toBe('101001');
      });
    });

    it('uses an RT-RequestID once even when two requests carrying it are both held by a latency fault', async () => {
      await using(make, {}, async (h) => {
        h.account.tenant.faults.add({ path: BALANCE, times: 2, action: { type: 'latency', ms: 30 } });
        const same: Signed = { requestId: 'sent-twice-at-once', timestamp: Date.now() };
        const codes = await Promise.all([codeOf(h, same), codeOf(h, same)]);
        expect(codes.sort()).toEqual(['101001', 'accepted']);
      });
    });
  });
}
