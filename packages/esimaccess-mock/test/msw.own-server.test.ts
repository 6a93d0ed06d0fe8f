import { USER_ORIGIN, userMswServer } from '@esim-sandbox/emulator/testing';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_BALANCE } from '../src/runtime/options.js';
import { useEsimAccessFake } from '../src/testing/index.js';

const hooks = { beforeAll, afterAll, beforeEach, afterEach };
const SHOP = USER_ORIGIN;
const BALANCE = 'https://api.esimaccess.com/api/v1/open/balance/query';
const PACKAGES = 'https://api.esimaccess.com/api/v1/open/package/list';

// A suite's own msw setup, as a reseller's test suite already has it.
const errors = vi.spyOn(console, 'error');
const { server, unhandled, bodies } = userMswServer({ beforeAll, afterEach, afterAll }, () =>
  errors.mockClear(),
);

describe('useEsimAccessFake({ server }) joins a suite that runs its own msw server', () => {
  const esim = useEsimAccessFake({ server, hooks });

  test('the fake answers on its real base URL and your handlers still answer theirs', async () => {
    expect((await esim.account.client().getBalance()).balance).toBe(DEFAULT_BALANCE);
    expect(await (await fetch(`${SHOP}/ping`)).json()).toEqual({ pong: true });
  });

  test('a server.use() override wins over the fake, and resetHandlers() brings the fake back', async () => {
    server.use(
      http.post(BALANCE, () => HttpResponse.json({ success: true, errorCode: '0', obj: { balance: 7 } })),
    );
    expect((await esim.account.client().getBalance()).balance).toBe(7);
    server.resetHandlers();
    expect((await esim.account.client().getBalance()).balance).toBe(DEFAULT_BALANCE);
  });

  test('a request neither the fake nor your handlers serve meets your onUnhandledRequest', async () => {
    await expect(fetch(`${SHOP}/unknown`)).rejects.toThrow();
    expect(unhandled).toEqual([`${SHOP}/unknown`]);
  });

  test('lifecycle listeners and a falling-through handler read the body the fake also read', async () => {
    const seen: unknown[] = [];
    server.use(
      http.post(PACKAGES, async ({ request }) => {
        seen.push(await request.clone().json());
      }),
    );
    const packages = await esim.account.client().listPackages({ locationCode: 'JP' });
    expect(packages.length).toBeGreaterThan(0);
    const sent = { locationCode: 'JP' };
    expect(seen).toEqual([expect.objectContaining(sent)]);
    await vi.waitFor(() => expect(bodies['response:mocked']).toEqual([expect.objectContaining(sent)]));
    expect(bodies['request:start']).toEqual([expect.objectContaining(sent)]);
    expect(errors).not.toHaveBeenCalled();
  });

  test('a handler that read the original body before the fake gets an error naming the fix', async () => {
    server.use(
      http.post(BALANCE, async ({ request }) => {
        await request.json();
      }),
    );
    errors.mockImplementation(() => undefined);
    const response = await fetch(BALANCE, { method: 'POST', body: '{}' });
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('must read request.clone()');
  });
});
