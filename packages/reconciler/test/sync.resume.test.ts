import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncAccount } from '../src/sync/engine.js';
import { esimAccessHandlers } from './helpers/fake-esimaccess.js';
import { useMsw } from './helpers/msw.js';
import { SCENARIO_CALLS, scenarioHistory, scenarioProvider } from './helpers/scenario.js';
import { snapshot } from './helpers/snapshot.js';
import { dropTestStore, openTestStore, useStore } from './helpers/store.js';
import { esimAccessClient } from './helpers/sync.js';

const getStore = useStore();
const use = useMsw();

const options = { pageSize: 5 };
let expected: Awaited<ReturnType<typeof snapshot>>;
let requestsPerSync = 0;

beforeAll(async () => {
  const twin = await openTestStore();
  const fake = scenarioProvider();
  use(...esimAccessHandlers(fake));
  await scenarioHistory(twin);
  await syncAccount(
    twin,
    { provider: 'esimaccess', accountId: 'esimaccess', client: esimAccessClient() },
    options,
  );
  expected = await snapshot(twin);
  requestsPerSync = fake.requests.length;
  await dropTestStore(twin);
});

/** 3 pages of the date range, 2 usage batches, 1 balance: every call is a possible stop. */
const CALLS = Array.from({ length: SCENARIO_CALLS }, (_, i) => i + 1);

afterAll(() => {
  expect(requestsPerSync).toBe(CALLS.length);
});

describe('a sync interrupted between any two provider calls', () => {
  // Request k is answered never: the sync stops there, with everything before it committed.
  it.each(CALLS)('and run again after call %i ends as an uninterrupted sync', async (k) => {
    const fake = scenarioProvider();
    use(...esimAccessHandlers(fake));
    await scenarioHistory(getStore());
    const controller = new AbortController();
    fake.onRequest = (_request, n) => {
      if (n === k) controller.abort();
    };
    const target = { provider: 'esimaccess' as const, accountId: 'esimaccess', client: esimAccessClient() };
    await expect(
      syncAccount(getStore(), target, { ...options, signal: controller.signal }),
    ).rejects.toThrow();
    fake.onRequest = undefined;
    const again = await syncAccount(getStore(), target, options);
    expect(again.resumed).toBe(true);
    expect(await snapshot(getStore())).toEqual(expected);
  });
});
