import { USER_ORIGIN, userMswServer } from '@esim-sandbox/emulator/testing';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { useIroamlyFake } from '../src/testing/index.js';

const hooks = { beforeAll, afterAll, beforeEach, afterEach };
const SHOP = USER_ORIGIN;
const PLANS = 'https://api.iroamly.shop/common/getPlanItem';
const PURCHASE = 'https://api.iroamly.shop/openapi/purchaseCode';

// A suite's own msw setup, as a reseller's test suite already has it.
const errors = vi.spyOn(console, 'error');
const { server, unhandled, bodies } = userMswServer({ beforeAll, afterEach, afterAll }, () =>
  errors.mockClear(),
);

describe('useIroamlyFake({ server }) joins a suite that runs its own msw server', () => {
  const iroamly = useIroamlyFake({ server, hooks });

  test('the fake answers on its real base URL and your handlers still answer theirs', async () => {
    expect((await iroamly.account.client().listPlans('united-states')).length).toBeGreaterThan(0);
    expect(await (await fetch(`${SHOP}/ping`)).json()).toEqual({ pong: true });
  });

  test('a server.use() override wins over the fake, and resetHandlers() brings the fake back', async () => {
    server.use(http.get(PLANS, () => HttpResponse.json([])));
    expect(await iroamly.account.client().listPlans('united-states')).toEqual([]);
    server.resetHandlers();
    expect((await iroamly.account.client().listPlans('united-states')).length).toBeGreaterThan(0);
  });

  test('a request neither the fake nor your handlers serve meets your onUnhandledRequest', async () => {
    await expect(fetch(`${SHOP}/unknown`)).rejects.toThrow();
    expect(unhandled).toEqual([`${SHOP}/unknown`]);
  });

  test('lifecycle listeners and a falling-through handler read the body the fake also read', async () => {
    const seen: unknown[] = [];
    server.use(
      http.post(PURCHASE, async ({ request }) => {
        seen.push(await request.clone().json());
      }),
    );
    const client = iroamly.account.client();
    const [plan] = await client.listPlans('united-states');
    const { orderId } = await client.purchase({
      email: 'shop@reseller.test',
      productList: [{ productCode: plan!.productCode, quantity: 1 }],
    });
    expect(orderId).toBeTruthy();
    const sent = { email: 'shop@reseller.test' };
    expect(seen).toEqual([expect.objectContaining(sent)]);
    await vi.waitFor(() => expect(bodies['response:mocked']).toEqual([expect.objectContaining(sent)]));
    expect(bodies['request:start']).toEqual([expect.objectContaining(sent)]);
    expect(errors).not.toHaveBeenCalled();
  });

  test('a handler that read the original body before the fake gets an error naming the fix', async () => {
    server.use(
      http.post(PURCHASE, async ({ request }) => {
        await request.json();
      }),
    );
    errors.mockImplementation(() => undefined);
    const response = await fetch(PURCHASE, { method: 'POST', body: '{}' });
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('must read request.clone()');
  });
});
