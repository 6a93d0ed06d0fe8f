/**
 * Record a session against a mock, replay it through msw: the client decodes exactly what it decoded live.
 */
import { join } from 'node:path';
import { EsimAccessClient, IroamlyClient } from '@esim-sandbox/core';
import { createEsimAccessMock } from '@esim-sandbox/esimaccess-mock';
import { createIroamlyMock } from '@esim-sandbox/iroamly-mock';
import { setupServer } from 'msw/node';
import { afterEach, describe, expect, it } from 'vitest';
import { readFixture, writeFixture } from '../src/record/fixture.js';
import { createRecorder } from '../src/record/recorder.js';
import { replayHandlers } from '../src/record/replay.js';
import { tempDir } from './support.js';

const servers: ReturnType<typeof setupServer>[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

function replay(...handlers: Parameters<typeof setupServer>) {
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: 'error' });
  servers.push(server);
}

async function esimAccessSession(client: EsimAccessClient) {
  const [pkg] = await client.listPackages({ locationCode: 'JP' });
  const before = await client.getBalance();
  const order = await client.order({
    transactionId: 'replay-1',
    packageInfoList: [{ packageCode: pkg!.packageCode, count: 2 }],
  });
  const after = await client.getBalance();
  const page = await client.queryProfiles({ orderNo: order.orderNo, pager: { pageNum: 1, pageSize: 5 } });
  const refused = await client
    .queryProfiles({ orderNo: 'B00000000000000', pager: { pageNum: 1, pageSize: 5 } })
    .catch((e) => e.code);
  return { pkg, before, order, after, page, refused };
}

describe('record and replay', () => {
  it('replays an eSIM Access session so the client decodes the same results', async () => {
    const mock = createEsimAccessMock({ behaviour: { allocationDelayMs: 0 } });
    const recorder = createRecorder({
      fetch: (input, init) => mock.fetch(new Request(input, init)),
      secrets: [mock.secretKey],
      placeholders: { [mock.accessCode]: '<ACCESS_CODE>' },
    });
    const live = await esimAccessSession(
      new EsimAccessClient({ accessCode: mock.accessCode, secretKey: mock.secretKey, fetch: recorder.fetch }),
    );
    await mock.close();
    const file = join(tempDir(), 'session.fixture.json');
    await writeFixture(file, recorder.fixture());

    replay(...replayHandlers(await readFixture(file)));
    // Other credentials and the default base URL: the replay needs neither the account nor the mock.
    const replayed = await esimAccessSession(
      new EsimAccessClient({ accessCode: 'someone', secretKey: 'else' }),
    );
    expect(replayed).toEqual(live);
    expect(live.refused).toBe('310272');
  });

  it('replays an iRoamly session with the buyer email redacted', async () => {
    const mock = createIroamlyMock();
    const recorder = createRecorder({ fetch: (input, init) => mock.fetch(new Request(input, init)) });
    const session = async (client: IroamlyClient, email: string) => {
      const [plan] = await client.listPlans('FR');
      const { orderId } = await client.purchase({
        email,
        productList: [{ productCode: plan!.productCode, quantity: 1 }],
      });
      return { plan, orderId, codes: await client.queryCodes(orderId) };
    };
    const live = await session(
      new IroamlyClient({ authKey: mock.authKey, authSecret: mock.authSecret, fetch: recorder.fetch }),
      'buyer@shop.example.com',
    );
    await mock.close();
    const fixture = recorder.fixture();
    expect(JSON.stringify(fixture)).not.toContain('buyer@shop.example.com');

    replay(...replayHandlers(fixture));
    const replayed = await session(
      new IroamlyClient({ authKey: 'k', authSecret: 's' }),
      'another@person.test',
    );
    expect(replayed).toEqual(live);
  });

  it('answers the recorded responses in order and repeats the last one for a longer poll', async () => {
    const mock = createEsimAccessMock();
    const recorder = createRecorder({ fetch: (input, init) => mock.fetch(new Request(input, init)) });
    const client = new EsimAccessClient({
      accessCode: mock.accessCode,
      secretKey: mock.secretKey,
      fetch: recorder.fetch,
    });
    await client.getBalance();
    mock.control.account().setBalance(5);
    await client.getBalance();
    await mock.close();

    replay(...replayHandlers(recorder.fixture()));
    const replayClient = new EsimAccessClient({ accessCode: 'a', secretKey: 'b' });
    const balances = [];
    for (let i = 0; i < 3; i++) balances.push((await replayClient.getBalance()).balance);
    expect(balances).toEqual([10_000_000, 5, 5]);
  });

  it('answers 404 with an explanation, and reports it, for a request nothing recorded matches', async () => {
    const mock = createEsimAccessMock();
    const recorder = createRecorder({ fetch: (input, init) => mock.fetch(new Request(input, init)) });
    await new EsimAccessClient({
      accessCode: mock.accessCode,
      secretKey: mock.secretKey,
      fetch: recorder.fetch,
    }).getBalance();
    await mock.close();
    const unmatched: string[] = [];
    replay(
      ...replayHandlers(recorder.fixture(), {
        onUnmatched: (r) => unmatched.push(`${r.method} ${r.url} ${r.shape}`),
      }),
    );
    const res = await fetch('https://api.esimaccess.com/api/v1/open/location/list', {
      method: 'POST',
      body: '{}',
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error:
        'esim-sandbox replay: nothing recorded for POST https://api.esimaccess.com/api/v1/open/location/list with body {}',
    });
    expect(unmatched).toEqual(['POST https://api.esimaccess.com/api/v1/open/location/list {}']);
  });
});
