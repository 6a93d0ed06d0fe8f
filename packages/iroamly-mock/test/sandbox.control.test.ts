import { IroamlyClient } from '@esim-sandbox/core';
import { afterEach, describe, expect, it } from 'vitest';
import { exportCatalog } from '../src/catalog/load.js';
import {
  type CatalogExport,
  type IroamlyMock,
  loadCatalog,
  type MessageWithQr,
  type RenderedMessage,
} from '../src/index.js';
import { manualMock } from './http.builders.js';

let mock: IroamlyMock;
afterEach(async () => {
  await mock.close();
});

const BASE = 'http://iroamly.test';

async function control<T = unknown>(path: string, init?: RequestInit): Promise<{ status: number; json: T }> {
  const res = await mock.fetch(new Request(`${BASE}/_sandbox/accounts/default${path}`, init));
  return { status: res.status, json: (await res.json()) as T };
}

function put(body: unknown): RequestInit {
  return { method: 'PUT', body: JSON.stringify(body) };
}

async function redeemOne(email: string) {
  const client = new IroamlyClient({
    authKey: mock.authKey,
    authSecret: mock.authSecret,
    baseUrl: BASE,
    fetch: (input, init) => mock.fetch(new Request(input, init)),
    retry: false,
  });
  const productCode = mock.catalog.products[0]!.item.productCode;
  const { orderId } = await client.purchase({ email, productList: [{ productCode, quantity: 1 }] });
  const [code] = await client.queryCodes(orderId);
  await client.redeemQrCode({ email, codeList: [{ redeemCode: code!.redeemCode }] });
  await mock.control.account().advance(3_000);
  return code!.redeemCode;
}

describe('/_sandbox control routes', () => {
  it('shows every product with its integer price, in a form loadCatalog reads back', async () => {
    mock = manualMock();
    const res = await mock.fetch(new Request(`${BASE}/_sandbox/catalog`));
    const { status, json } = { status: res.status, json: (await res.json()) as CatalogExport };
    expect(status).toBe(200);
    expect(json).toEqual(exportCatalog(mock.catalog));
    expect(loadCatalog(json).products).toEqual(mock.catalog.products);
  });

  it('reads and sets the balance, refusing a bad one by field name', async () => {
    mock = manualMock({ balance: 700 });
    expect((await control('/balance')).json).toEqual({ balance: 700, unit: '1/100 credit', credit: 7 });
    expect((await control('/balance', put({ balance: 1_250 }))).json).toMatchObject({ balance: 1_250 });
    expect(mock.control.account().balance()).toBe(1_250);
    const bad = await control('/balance', put({ balance: 1.5 }));
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: { code: 'INVALID_ARGUMENT', field: 'balance' } });
    expect(mock.control.account().balance()).toBe(1_250);
  });

  it('lists the outbox, filters by recipient, and shows one message with its QR inline', async () => {
    mock = manualMock();
    const redeemCode = await redeemOne('traveller@example.com');
    const all = (await control<{ messages: RenderedMessage[] }>('/outbox')).json.messages;
    expect(all.map((m) => m.kind)).toEqual(['codes_purchased', 'qr_redeemed']);
    const mine = (await control<{ messages: RenderedMessage[] }>('/outbox?to=nobody@example.com')).json
      .messages;
    expect(mine).toEqual([]);

    const { json: message } = await control<MessageWithQr>(`/outbox/${all[1]?.id}`);
    expect(message.codes[0]).toMatchObject({
      redeemCode,
      qrcode: expect.stringMatching(/^http:\/\/iroamly\.test\/qrcode\//),
    });
    const png = Buffer.from(
      (message.codes[0]?.qrPngDataUrl ?? '').replace(/^data:image\/png;base64,/, ''),
      'base64',
    );
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect((await control('/outbox/msg_999')).status).toBe(404);
  });

  it('makes the next redemption fail', async () => {
    mock = manualMock();
    expect(
      (await control('/redemptions/fail-next', { method: 'POST', body: '{"reason":"pool empty"}' })).json,
    ).toEqual({
      pending: 1,
    });
    const redeemCode = await redeemOne('a@b.co');
    expect(mock.control.account().state().codes[redeemCode]).toMatchObject({
      status: 3,
      failureReason: 'pool empty',
    });
    const bad = await control('/redemptions/fail-next', { method: 'POST', body: '{"count":0}' });
    expect(bad).toMatchObject({ status: 400, json: { error: { field: 'count' } } });
  });

  it('requires the control token when one is set, and never exposes the AuthSecret', async () => {
    mock = manualMock({ controlToken: 'letmein-letmein-1' });
    expect((await control('/balance')).status).toBe(401);
    const auth = { headers: { Authorization: 'Bearer letmein-letmein-1' } };
    expect((await control('/balance', auth)).status).toBe(200);
    const snapshot = await control('/snapshot', auth);
    expect(JSON.stringify(snapshot.json)).not.toContain(mock.authSecret);
  });
});

describe('typed control handle', () => {
  it('refuses a bad balance with an error naming the field', () => {
    mock = manualMock();
    expect(() => mock.control.account().setBalance(-5)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', field: 'input.balance' }),
    );
  });

  it('returns undefined for an unknown message and renders links on the public base by default', async () => {
    mock = manualMock();
    expect(await mock.control.account().message('msg_1')).toBeUndefined();
    await redeemOne('a@b.co');
    const [, redeemed] = mock.control.account().outbox();
    expect(redeemed?.codes[0]?.qrcode).toMatch(/^http:\/\/iroamly\.test\/qrcode\/[0-9a-f]{32}\.png$/);
  });
});
