import { EsimAccessClient, esimAccessSignatureHeaders } from '@esim-sandbox/core';
import { describe, expect, it } from 'vitest';
import { createEsimAccessMock, type EsimAccessMock } from '../src/index.js';
import type { EsimAccessMockOptions } from '../src/runtime/options.js';

const START = '2025-06-01T12:00:00Z';

function newMock(options: EsimAccessMockOptions = {}): EsimAccessMock {
  // Requests go out unthrottled: the fake's 8 req/s limit is off, this suite is about answers, not pace.
  return createEsimAccessMock({
    clock: 'manual',
    startTime: START,
    seed: 'catalog-answers',
    rateLimit: null,
    ...options,
  });
}

let requestNo = 0;

/** The raw answer text of one signed request, as a client receives it. */
async function send(mock: EsimAccessMock, endpoint: string, body: unknown): Promise<string> {
  const text = JSON.stringify(body);
  const timestamp = String(Date.now());
  const requestId = `catalog-answers-${++requestNo}`;
  const res = await mock.request(`/api/v1/open/${endpoint}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'RT-AccessCode': mock.accessCode,
      ...esimAccessSignatureHeaders({
        timestamp,
        requestId,
        accessCode: mock.accessCode,
        body: text,
        secretKey: mock.secretKey,
      }),
    },
    body: text,
  });
  return res.text();
}

const codesOf = (text: string): string[] =>
  (JSON.parse(text) as { obj: { packageList: { packageCode: string }[] } }).obj.packageList.map(
    (p) => p.packageCode,
  );

describe('catalogue answers', () => {
  it('answers each package/list filter with its own packages, whatever was asked before', async () => {
    const asked = newMock();
    const location = asked.catalog.locationCode(asked.catalog.catalog.packages[0]!);
    const filters = [
      {},
      { locationCode: location },
      { type: 'TOPUP' },
      { locationCode: location, dataType: 2 },
    ];
    const answers: string[] = [];
    for (const filter of filters) answers.push(await send(asked, 'package/list', filter));
    for (const [i, filter] of filters.entries()) {
      // A fresh mock has answered nothing before: its first answer is worked out from the catalogue.
      expect(await send(newMock(), 'package/list', filter)).toBe(answers[i]);
      // Asked again, the same mock answers byte for byte the same.
      expect(await send(asked, 'package/list', filter)).toBe(answers[i]);
    }
    expect(new Set(answers).size).toBe(filters.length);
    expect(codesOf(answers[1]!).length).toBeGreaterThan(0);
    expect(codesOf(answers[1]!).length).toBeLessThan(codesOf(answers[0]!).length);
  });

  it('follows the account when the filter names an iccid', async () => {
    const mock = newMock();
    const client = new EsimAccessClient({
      accessCode: mock.accessCode,
      secretKey: mock.secretKey,
      retry: false,
      rateLimit: false,
      fetch: (input, init) => mock.fetch(new Request(input, init)),
    });
    const pkg = mock.catalog.catalog.packages.find((p) => !p.packageCode.startsWith('TOPUP_'))!;
    const { orderNo } = await client.order({
      transactionId: 'catalog-answers-order',
      packageInfoList: [{ packageCode: pkg.packageCode, count: 1 }],
    });
    const profile = mock.control.account().allocate(orderNo);
    const iccid = mock.emulator.defaultAccount.state.profiles[profile.esimTranNos[0]!]!.iccid;
    expect(codesOf(await send(mock, 'package/list', { iccid: '89000000000000000000' }))).toEqual([]);
    expect(codesOf(await send(mock, 'package/list', { iccid }))).toEqual([pkg.packageCode]);
  });

  it('spells success as configured, and the journal shows the answer sent', async () => {
    const mock = newMock({ envelope: { success: 'string' } });
    const text = await send(mock, 'location/list', {});
    expect(JSON.parse(text)).toMatchObject({ success: 'true', errorCode: null });
    expect(await send(mock, 'location/list', {})).toBe(text);
    expect(mock.emulator.defaultAccount.journal.last()?.responseBody).toEqual(JSON.parse(text));
  });
});
