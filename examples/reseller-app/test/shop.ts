/**
 * Test builders: both fakes and the shop wired to the accounts they hand each test, and a tiny HTTP client for the
 * shop's API.
 */
import { type EsimAccessTestAccount, useEsimAccessFake } from '@esim-sandbox/esimaccess-mock/testing';
import { type FakeMode, type IroamlyTestAccount, useIroamlyFake } from '@esim-sandbox/iroamly-mock/testing';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Order, OrderBook } from '../src/orders.js';
import { type RunningShop, startShop } from '../src/server.js';

export const hooks = { beforeAll, afterAll, beforeEach, afterEach };
export const MODES: readonly FakeMode[] = ['msw', 'http'];
export const CUSTOMER = 'traveller@example.com';

/**
 * In msw mode the shop keeps the production base URLs (msw answers for them in this process); over http it is
 * pointed at the fakes' loopback servers, as it would be through ESIMACCESS_BASE_URL / IROAMLY_BASE_URL.
 */
export function startShopFor(
  mode: FakeMode,
  esim: EsimAccessTestAccount,
  iroamly: IroamlyTestAccount,
  orders?: OrderBook,
): Promise<RunningShop> {
  const http = mode === 'http';
  return startShop({
    // core's retry rules as in production, with short waits: the fakes' clocks are virtual, a retry's wait is real.
    retry: { baseDelayMs: 2, maxDelayMs: 20 },
    ...(orders ? { orders } : {}),
    esimAccess: {
      accessCode: esim.accessCode,
      secretKey: esim.secretKey,
      ...(http ? { baseUrl: esim.baseUrl } : {}),
    },
    iroamly: {
      authKey: iroamly.authKey,
      authSecret: iroamly.authSecret,
      ...(http ? { baseUrl: iroamly.baseUrl } : {}),
    },
    shopEmail: 'orders@shop.example',
  });
}

export interface ShopOptions {
  /** Chaos for both fakes; without it they follow ESIM_SANDBOX_CHAOS (the chaos runner's), if set. */
  chaos?: NonNullable<Parameters<typeof useEsimAccessFake>[0]>['chaos'];
  /** A fresh order book per test, when the test wants its own. */
  orders?: () => OrderBook;
}

/**
 * One call in a `describe`: both fakes, and a shop started for each test on that test's fresh accounts.
 * @example
 * const sale = useShop(mode);
 * test('...', async () => { await post(sale.shop, '/orders/esim', { ... }); await sale.esim.account.advance(2_000); });
 */
export function useShop(mode: FakeMode, options: ShopOptions = {}) {
  const { orders, ...fakeOptions } = options;
  const esim = useEsimAccessFake({ mode, hooks, ...fakeOptions });
  const iroamly = useIroamlyFake({ mode, hooks, ...fakeOptions });
  let shop: RunningShop | undefined;
  // Registered after the fakes' hooks: the accounts exist when the shop starts, and it closes before they go.
  beforeEach(async () => {
    shop = await startShopFor(mode, esim.account, iroamly.account, orders?.());
  });
  afterEach(async () => {
    await shop?.close();
    shop = undefined;
  });
  return {
    esim,
    iroamly,
    get shop(): RunningShop {
      if (!shop) throw new Error('useShop(): the shop runs inside a test; read it there');
      return shop;
    },
  };
}

/** Far enough for every webhook retry (the last is an hour after the first) and the slowest allocation. */
const SETTLE_HORIZON_MS = 2 * 3_600_000;
const SETTLE_MAX_STEPS = 500;

/**
 * Moves each account's virtual clock from one due task to the next (allocations, redemptions, webhook attempts and
 * their retries, delayed deliveries) until none is due within the horizon: what chaos delays, this waits for,
 * without assuming how long it takes. Tasks further out (a profile's expiry in days) are left alone.
 */
export async function settle(...accounts: (EsimAccessTestAccount | IroamlyTestAccount)[]): Promise<void> {
  for (const account of accounts) {
    const { scheduler, clock } = account.tenant;
    const until = clock.now() + SETTLE_HORIZON_MS;
    for (let step = 0; step < SETTLE_MAX_STEPS; step++) {
      const due = scheduler.nextDueAt();
      if (due === undefined || due > until) break;
      await account.advance(Math.max(0, due - clock.now()));
    }
  }
}

/**
 * The customer's status page: looks at the order after each {@link settle} until it is no longer pending, a few
 * times at most (a look is what finishes a step the provider failed earlier, which then needs its own settle).
 */
export async function settledOrder(
  shop: RunningShop,
  id: string,
  ...accounts: (EsimAccessTestAccount | IroamlyTestAccount)[]
): Promise<Order> {
  let order: Order | undefined;
  for (let look = 0; look < 4 && order?.status !== 'ready' && order?.status !== 'failed'; look++) {
    await settle(...accounts);
    order = await getOrder(shop, id);
    if (order.status === 'installed') break;
  }
  return order!;
}

export interface ApiError {
  error: { code: string; field?: string; provider?: string; providerCode?: string };
}

export async function post<T = Order>(shop: RunningShop, path: string, body: unknown) {
  const res = await fetch(`${shop.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

export async function getOrder(shop: RunningShop, id: string): Promise<Order> {
  const res = await fetch(`${shop.url}/orders/${id}`);
  if (!res.ok) throw new Error(`GET /orders/${id}: ${res.status}`);
  return (await res.json()) as Order;
}

export async function qrPage(shop: RunningShop, id: string): Promise<string> {
  return (await fetch(`${shop.url}/orders/${id}/qr`)).text();
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];

/** Fetches a QR link the way the customer's browser would; true when a PNG comes back. */
export async function isPng(url: string): Promise<boolean> {
  const res = await fetch(url);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return res.headers.get('content-type') === 'image/png' && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}
