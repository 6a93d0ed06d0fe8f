/**
 * @module
 * Filling the fakes with state through their honest paths: signed `esim/order` requests in process (rate limit off)
 * and the virtual clock driving allocation, exactly what a client and time would do; iRoamly `purchaseCode`.
 */
import { EsimAccessClient, IroamlyClient } from '@esim-sandbox/core';
import type { EsimAccessMock } from '@esim-sandbox/esimaccess-mock';
import type { IroamlyMock } from '@esim-sandbox/iroamly-mock';

/** The provider allocates at most this many eSIMs per order. */
export const PER_ORDER = 30;
/**
 * Ids carry a 4-digit sequence per virtual minute (`esimTranNo` = yyMMddHHmm + 4 digits), so at most 10,000
 * profiles can be allocated within one minute: move the clock on after this many.
 */
const PROFILES_PER_MINUTE = 3_000;
const MINUTE = 60_000;

/** A client of the in-process mock, signing with the wall clock (what the fake checks by default). */
export function esimAccessClient(
  mock: EsimAccessMock,
  accessCode = mock.accessCode,
  secretKey = mock.secretKey,
) {
  return new EsimAccessClient({
    accessCode,
    secretKey,
    rateLimit: false,
    baseUrl: 'http://esimaccess.bench',
    fetch: (url, init) => mock.fetch(new Request(url, init)),
  });
}

/** The cheapest base package, so a big seed never runs out of balance. */
export async function cheapestPackage(mock: EsimAccessMock): Promise<string> {
  const packages = await esimAccessClient(mock).listPackages({});
  const cheapest = [...packages].sort((a, b) => a.price - b.price)[0];
  if (!cheapest) throw new Error('the catalogue has no base package');
  return cheapest.packageCode;
}

/**
 * Orders `count` more profiles for the account and lets the virtual clock allocate them. The account needs enough
 * balance (create the mock with a large `balance`).
 */
export async function seedEsimAccessProfiles(
  mock: EsimAccessMock,
  count: number,
  accessCode = mock.accessCode,
): Promise<void> {
  const tenant = mock.emulator.account(accessCode);
  const client = esimAccessClient(mock, accessCode, tenant.secret);
  const packageCode = await cheapestPackage(mock);
  let ordered = 0;
  let inThisMinute = 0;
  while (ordered < count) {
    const n = Math.min(PER_ORDER, count - ordered);
    await client.order({
      // Unique across calls: each call ends by moving the clock on.
      transactionId: `seed-${tenant.clock.now()}-${ordered}`,
      packageInfoList: [{ packageCode, count: n }],
    });
    ordered += n;
    inThisMinute += n;
    if (inThisMinute >= PROFILES_PER_MINUTE) {
      await tenant.advance(MINUTE);
      inThisMinute = 0;
    }
  }
  await tenant.advance(MINUTE);
}

/** Buys `orders` iRoamly orders of `codesPerOrder` codes each; returns their order ids. */
export async function seedIroamlyOrders(
  mock: IroamlyMock,
  orders: number,
  codesPerOrder: number,
): Promise<string[]> {
  const client = new IroamlyClient({
    authKey: mock.authKey,
    authSecret: mock.authSecret,
    baseUrl: 'http://iroamly.bench',
    fetch: (url, init) => mock.fetch(new Request(url, init)),
  });
  const productCode = mock.catalog.products[0]?.item.productCode;
  if (!productCode) throw new Error('the iRoamly catalogue is empty');
  const ids: string[] = [];
  for (let i = 0; i < orders; i++) {
    const { orderId } = await client.purchase({
      email: `bench${i}@example.com`,
      productList: [{ productCode, quantity: codesPerOrder }],
    });
    ids.push(orderId);
  }
  return ids;
}
