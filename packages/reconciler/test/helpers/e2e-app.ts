/**
 * The reseller's app in the end-to-end world: it buys through core's clients, then records what it bought in the
 * store (`recordOrder`, `recordDeposit`), the way the README tells an app to.
 */
import type { EsimAccessPackage } from '@esim-sandbox/core';
import { isDayPass } from '@esim-sandbox/esimaccess-mock';
import { recordOrder } from '../../src/records/record-order.js';
import { recordDeposit } from '../../src/records/records.js';
import type { Store } from '../../src/store/open.js';
import { IROAMLY_LEDGER_PER_MOCK_UNIT } from './e2e-views.js';
import { ESIM_ACCOUNT, IROAMLY_ACCOUNT, type World } from './e2e-world.js';

export interface Placed {
  orderNo: string;
  amount: number;
}

/**
 * Two packages that are not day passes: one activated on install that runs out within the week
 * the scenario skips, one activated on first use that lasts the month.
 */
export async function pickPackages(
  world: World,
): Promise<{ onInstall: EsimAccessPackage; onUse: EsimAccessPackage }> {
  const list = await world.esimClient.listPackages();
  const plain = list.filter((p) => !isDayPass(p) && p.durationUnit === 'DAY');
  const onInstall = plain.find((p) => p.activeType === 1 && p.duration <= 7);
  const onUse = plain.find((p) => p.activeType === 2 && p.duration >= 30);
  if (!onInstall || !onUse)
    throw new Error('the catalogue lacks a short activate-on-install or a month-long package');
  return { onInstall, onUse };
}

let transactions = 0;

/** Orders `count` profiles; `record: false` is an order placed outside the app (another tool on the account). */
export async function orderEsims(
  world: World,
  store: Store,
  pkg: EsimAccessPackage,
  count: number,
  record = true,
): Promise<Placed> {
  const transactionId = `e2e-${++transactions}`;
  const line = { packageCode: pkg.packageCode, count, price: pkg.price };
  const amount = pkg.price * count;
  const { orderNo } = await world.esimClient.order({ transactionId, amount, packageInfoList: [line] });
  if (record) {
    await recordOrder(store, {
      accountId: ESIM_ACCOUNT,
      provider: 'esimaccess',
      orderNo,
      transactionId,
      amount,
      lines: [line],
    });
  }
  return { orderNo, amount };
}

/** The order's profiles, as the app reads them to hand them to customers. */
export async function profilesOf(world: World, orderNo: string): Promise<string[]> {
  const page = await world.esimClient.queryProfiles({ orderNo, pager: { pageNum: 1, pageSize: 50 } });
  return page.esimList.map((p) => p.esimTranNo);
}

/** What the app knew it had on iRoamly when it started: the mock's opening balance, as a deposit. */
export async function recordIroamlyOpening(world: World, store: Store): Promise<void> {
  await recordDeposit(store, {
    accountId: IROAMLY_ACCOUNT,
    provider: 'iroamly',
    depositId: 'opening',
    amount: world.iroamly.control.account().balance() * IROAMLY_LEDGER_PER_MOCK_UNIT,
  });
}

export async function buyCodes(world: World, store: Store, quantity: number): Promise<string> {
  const product = world.iroamly.control.catalog().products[0];
  if (!product) throw new Error('the iRoamly catalogue is empty');
  const email = 'shop@reseller.test';
  const { orderId } = await world.iroamlyClient.purchase({
    email,
    productList: [{ productCode: product.productCode, quantity }],
  });
  await recordOrder(store, {
    accountId: IROAMLY_ACCOUNT,
    provider: 'iroamly',
    orderNo: orderId,
    amount: product.price * quantity * IROAMLY_LEDGER_PER_MOCK_UNIT,
    email,
  });
  return orderId;
}
