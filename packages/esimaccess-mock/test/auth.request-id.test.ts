import { EsimAccessClient, SignatureError } from '@esim-sandbox/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createEsimAccessMock, type EsimAccessMock } from '../src/index.js';

let mock: EsimAccessMock | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

function clientWithId(m: EsimAccessMock, requestId: string): EsimAccessClient {
  const tenant = m.emulator.defaultAccount;
  return new EsimAccessClient({
    accessCode: m.accessCode,
    secretKey: m.secretKey,
    baseUrl: 'http://esimaccess.test',
    fetch: (url, init) => m.fetch(new Request(url, init)),
    now: () => tenant.clock.now(),
    requestId: () => requestId,
    retry: false,
    rateLimit: false,
  });
}

describe('single-use RT-RequestID', () => {
  it('forgets an id once its window has passed, while ids used since stay single-use', async () => {
    // The window and the id memory run on one time base: the virtual one here, so the test can move it.
    mock = createEsimAccessMock({
      clock: 'manual',
      startTime: '2025-06-01T12:00:00Z',
      auth: { timestampClock: 'virtual' },
    });
    await clientWithId(mock, 'id-old').getBalance();
    await mock.control.account().advance(11 * 60_000);
    await clientWithId(mock, 'id-new').getBalance();

    await expect(clientWithId(mock, 'id-old').getBalance()).resolves.toEqual({ balance: 10_000_000 });
    await expect(clientWithId(mock, 'id-new').getBalance()).rejects.toBeInstanceOf(SignatureError);
    expect(mock.emulator.defaultAccount.journal.last()?.providerCode).toBe('101001');
  });
});
