/**
 * Test builders: both fakes and the shop wired to the accounts they hand each test, and a tiny HTTP client for the
 * shop's API.
 */
import { type EsimAccessTestAccount, useEsimAccessFake } from '@esim-sandbox/esimaccess-mock/testing';
import { type FakeMode, type IroamlyTestAccount, useIroamlyFake } from '@esim-sandbox/iroamly-mock/testing';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Order } from '../src/orders.js';
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
): Promise<RunningShop> {
  const http = mode === 'http';
  return startShop({
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

/**
 * One call in a `describe`: both fakes, and a shop started for each test on that test's fresh accounts.
 * @example
 * const sale = useShop(mode);
 * test('...', async () => { await post(sale.shop, '/orders/esim', { ... }); await sale.esim.account.advance(2_000); });
 */
export function useShop(mode: FakeMode) {
  const esim = useEsimAccessFake({ mode, hooks });
  const iroamly = useIroamlyFake({ mode, hooks });
  let shop: RunningShop | undefined;
  // Registered after the fakes' hooks: the accounts exist when the shop starts, and it closes before they go.
  beforeEach(async () => {
    shop = await startShopFor(mode, esim.account, iroamly.account);
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
