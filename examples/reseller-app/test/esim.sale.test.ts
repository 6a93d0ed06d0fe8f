import { expectNotifyIdsAppliedOnce } from '@esim-sandbox/esimaccess-mock/testing';
import { beforeEach, describe, expect, test } from 'vitest';
import type { EsimOrder } from '../src/orders.js';
import {
  type ApiError,
  CUSTOMER,
  getOrder,
  isPng,
  MODES,
  post,
  qrPage,
  settle,
  settledOrder,
  useShop,
} from './shop.js';

describe.each(MODES)('selling an eSIM through eSIM Access (%s mode)', (mode) => {
  const sale = useShop(mode);
  const { esim } = sale;
  let packageCode: string;

  beforeEach(async () => {
    const [pkg] = await esim.account.client().listPackages({ locationCode: 'JP' });
    packageCode = pkg!.packageCode;
  });

  async function buy(): Promise<EsimOrder> {
    const { status, body } = await post<EsimOrder>(sale.shop, '/orders/esim', {
      email: CUSTOMER,
      packageCode,
    });
    expect(status).toBe(201);
    return body;
  }

  test('the customer sees their QR code once eSIM Access has allocated the profile', async () => {
    const order = await buy();
    expect(order.status).toBe('pending');
    expect(await qrPage(sale.shop, order.id)).toContain('being prepared');

    const ready = (await settledOrder(sale.shop, order.id, esim.account)) as EsimOrder;
    expect(ready.status).toBe('ready');
    expect(ready.profile?.qrCodeUrl.startsWith(esim.account.baseUrl)).toBe(true);
    expect(ready.profile?.activationCode).toMatch(/^LPA:1\$/);
    expect(await qrPage(sale.shop, order.id)).toContain(`src="${ready.profile?.qrCodeUrl}"`);
    expect(await isPng(ready.profile!.qrCodeUrl)).toBe(true);
    expect(esim.account.order(ready.orderNo!).transactionId).toBe(order.transactionId);
  });

  test("installing the profile on the customer's phone marks the order installed", async () => {
    const order = await buy();
    const { profile } = (await settledOrder(sale.shop, order.id, esim.account)) as EsimOrder;

    esim.account.installProfile(profile!.esimTranNo);
    const installed = (await settledOrder(sale.shop, order.id, esim.account)) as EsimOrder;
    expect(installed.status).toBe('installed');
    expect(installed.profile?.smdpStatus).toBe('ENABLED');
  });

  test('every webhook eSIM Access delivers twice is applied once', async () => {
    esim.account.webhooks.setFaults({ duplicate: {} });
    const order = await buy();
    const { profile } = (await settledOrder(sale.shop, order.id, esim.account)) as EsimOrder;
    esim.account.installProfile(profile!.esimTranNo);
    await settle(esim.account);

    const deliveries = esim.account.webhookDeliveries();
    expect(deliveries.some((d) => d.duplicateOf !== undefined && d.state === 'delivered')).toBe(true);
    expectNotifyIdsAppliedOnce(deliveries, sale.shop.orders.appliedEventIds());
    const { history } = await getOrder(sale.shop, order.id);
    expect(history.filter((h) => h === 'allocated')).toHaveLength(1);
    expect(new Set(history).size).toBe(history.length);
  });

  test("a refusal by eSIM Access reaches the customer as a 502 with the provider's code", async () => {
    esim.account.setBalance(0);
    const { status, body } = await post<ApiError>(sale.shop, '/orders/esim', {
      email: CUSTOMER,
      packageCode,
    });
    expect(status).toBe(502);
    expect(body.error).toMatchObject({ provider: 'esimaccess', providerCode: '200007' });
  });

  test('an order without a valid email is refused with the field named, and nothing is bought', async () => {
    const { status, body } = await post<ApiError>(sale.shop, '/orders/esim', {
      email: 'nobody',
      packageCode,
    });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'email' });
    expect(esim.account.state().orders).toEqual({});
  });
});
