import { IroamlyClient, ProviderError } from '@esim-sandbox/core';
import { type RunningServer, startServer } from '@esim-sandbox/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { manualMock } from './http.builders.js';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('concurrent purchases', () => {
  it('lets exactly 20 of 50 simultaneous purchases through a balance for 20, never issuing a code twice', async () => {
    const mock = manualMock();
    const product = mock.catalog.products[0]!;
    mock.control.account().setBalance(product.price * 20);
    server = await startServer({ emulator: mock.emulator, port: 0 });
    const client = new IroamlyClient({
      authKey: mock.authKey,
      authSecret: mock.authSecret,
      baseUrl: server.url,
      retry: false,
    });
    const request = {
      email: 'a@b.co',
      productList: [{ productCode: product.item.productCode, quantity: 1 }],
    };

    const results = await Promise.allSettled(Array.from({ length: 50 }, () => client.purchase(request)));

    const succeeded = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(succeeded).toHaveLength(20);
    expect(refused).toHaveLength(30);
    for (const error of refused) {
      expect(error).toBeInstanceOf(ProviderError);
      expect((error as ProviderError).code).toBe('5');
    }
    expect(mock.control.account().balance()).toBe(0);
    const state = mock.control.account().state();
    const issued = Object.values(state.orders).flatMap((o) => o.codes);
    expect(issued).toHaveLength(20);
    expect(new Set(issued).size).toBe(20);
    expect(Object.keys(state.codes)).toHaveLength(20);
  });
});
