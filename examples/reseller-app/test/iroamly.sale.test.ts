import { beforeEach, describe, expect, test } from 'vitest';
import type { RedeemCodeOrder } from '../src/orders.js';
import { type ApiError, CUSTOMER, isPng, MODES, post, qrPage, settledOrder, useShop } from './shop.js';

describe.each(MODES)('selling a redeem code through iRoamly (%s mode)', (mode) => {
  const sale = useShop(mode);
  const { iroamly } = sale;
  let productCode: string;

  beforeEach(async () => {
    const [plan] = await iroamly.account.client().listPlans('united-states');
    productCode = plan!.productCode;
  });

  async function buy(): Promise<RedeemCodeOrder> {
    const { status, body } = await post<RedeemCodeOrder>(sale.shop, '/orders/redeem-code', {
      email: CUSTOMER,
      productCode,
    });
    expect(status).toBe(201);
    return body;
  }

  test('the customer sees their QR code once iRoamly has redeemed the code', async () => {
    const order = await buy();
    expect(order.status).toBe('pending');
    expect(await qrPage(sale.shop, order.id)).toContain('being prepared');

    const ready = (await settledOrder(sale.shop, order.id, iroamly.account)) as RedeemCodeOrder;
    expect(ready.status).toBe('ready');
    expect(ready.qrCodeUrl?.startsWith(iroamly.account.baseUrl)).toBe(true);
    expect(await qrPage(sale.shop, order.id)).toContain(`src="${ready.qrCodeUrl}"`);
    expect(await isPng(ready.qrCodeUrl!)).toBe(true);
    expect(iroamly.account.outbox(CUSTOMER)).toHaveLength(1);
  });

  test('a redemption iRoamly fails shows the customer an apology instead of a QR code', async () => {
    iroamly.account.failNextRedemption();
    const order = await buy();
    expect((await settledOrder(sale.shop, order.id, iroamly.account)).status).toBe('failed');
    expect(await qrPage(sale.shop, order.id)).toContain('could not prepare your eSIM');
  });

  test("iRoamly's system error (-1) reaches the customer as a 502 with the provider's code", async () => {
    iroamly.account.faults.add({
      path: '/openapi/purchaseCode',
      times: 1,
      action: { type: 'error', code: '-1' },
    });
    const { status, body } = await post<ApiError>(sale.shop, '/orders/redeem-code', {
      email: CUSTOMER,
      productCode,
    });
    expect(status).toBe(502);
    expect(body.error).toMatchObject({ provider: 'iroamly', providerCode: '-1' });
  });
});
