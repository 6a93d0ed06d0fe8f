/**
 * Raw-request builders for the tests that must send what a client never would (bad JSON, wrong headers).
 */
import { IroamlyClient, iroamlyCertification } from '@esim-sandbox/core';
import { createIroamlyMock, type IroamlyMock } from '../src/index.js';
import type { IroamlyMockOptions } from '../src/runtime/options.js';

export function manualMock(options: IroamlyMockOptions = {}): IroamlyMock {
  return createIroamlyMock({ clock: 'manual', startTime: '2024-06-01T00:00:00Z', seed: 'raw', ...options });
}

/** A client of the fake's account, through its in-process fetch, without retries. */
export function clientOf(mock: IroamlyMock): IroamlyClient {
  return new IroamlyClient({
    authKey: mock.authKey,
    authSecret: mock.authSecret,
    baseUrl: 'http://iroamly.test',
    fetch: (input, init) => mock.fetch(new Request(input, init)),
    retry: false,
  });
}

/** Buys `quantity` codes of the catalogue's first product; returns the order id. */
export async function purchaseFirstProduct(mock: IroamlyMock, quantity: number): Promise<string> {
  const productCode = mock.catalog.products[0]!.item.productCode;
  const { orderId } = await clientOf(mock).purchase({
    email: 'a@b.co',
    productList: [{ productCode, quantity }],
  });
  return orderId;
}

export function authHeaders(mock: Pick<IroamlyMock, 'authKey' | 'authSecret'>): Record<string, string> {
  return { AuthKey: mock.authKey, Certification: iroamlyCertification(mock.authKey, mock.authSecret) };
}

/** POSTs `body` (a string is sent as is) with valid credentials unless `headers` replaces them. */
export async function post(
  mock: IroamlyMock,
  path: string,
  body: unknown,
  headers: Record<string, string> = authHeaders(mock),
): Promise<{ status: number; json: unknown }> {
  const res = await mock.emulator.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

export async function get(
  mock: IroamlyMock,
  pathAndQuery: string,
  headers: Record<string, string> = authHeaders(mock),
): Promise<{ status: number; json: unknown }> {
  const res = await mock.emulator.request(pathAndQuery, { headers });
  return { status: res.status, json: await res.json() };
}
