/**
 * Snapshot, restore and the state file give back an account that answers every query exactly as before: the
 * profile list, the ICCID index and the time-range search are rebuilt from the copied state, not carried over.
 */
import { describe, expect, it } from 'vitest';
import type { EsimAccessMock } from '../src/index.js';
import { START } from './support/harness.js';
import { clientOf, newMock as newMockSeeded, tempStateFile } from './support/mocks.js';

const PROFILES = 45;

/** Unthrottled: the fake's 8 req/s limit is off, this suite is about state, not pace. */
const newMock = (stateFile?: string) => newMockSeeded('roundtrip', { stateFile });

/** Two orders allocated a minute apart, one profile suspended and one cancelled. */
async function fill(mock: EsimAccessMock, key = mock.accessCode): Promise<void> {
  const client = clientOf(mock, key);
  const tenant = mock.emulator.account(key);
  const [cheapest] = [...(await client.listPackages({}))].sort((a, b) => a.price - b.price);
  for (const [i, count] of [30, PROFILES - 30].entries()) {
    await client.order({
      transactionId: `roundtrip-${i}`,
      packageInfoList: [{ packageCode: cheapest!.packageCode, count }],
    });
    await tenant.advance(60_000);
  }
  const page = await client.queryProfiles({
    startTime: START,
    endTime: '2099-01-01T00:00:00Z',
    pager: page1,
  });
  await client.suspend({ iccid: page.esimList[3]!.iccid });
  await client.cancel({ esimTranNo: page.esimList[7]!.esimTranNo });
}

const page1 = { pageNum: 1, pageSize: 20 };

/** What a client sees of the account: balance, every page, a lookup by order, by ICCID and by time range. */
async function answers(mock: EsimAccessMock, key = mock.accessCode) {
  const client = clientOf(mock, key);
  const all = { startTime: START, endTime: '2099-01-01T00:00:00Z' };
  const pages = [];
  for (const pageNum of [1, 2, 3])
    pages.push(await client.queryProfiles({ ...all, pager: { pageNum, pageSize: 20 } }));
  const first = pages[0]!.esimList;
  const secondMinute = first.at(-1)!.esimTranNo;
  return {
    balance: await client.getBalance(),
    pages,
    byOrder: await client.queryProfiles({ orderNo: first[0]!.orderNo, pager: page1 }),
    byIccid: await client.queryProfiles({ iccid: first[3]!.iccid, pager: page1 }),
    byEsimTranNo: await client.queryProfiles({ esimTranNo: secondMinute, pager: page1 }),
    // Only the second order's profiles: the bisected range must start at the right place in the rebuilt list.
    laterRange: await client.queryProfiles({
      startTime: new Date(Date.parse(START) + 60_000).toISOString().replace('.000Z', 'Z'),
      endTime: '2099-01-01T00:00:00Z',
      pager: { pageNum: 1, pageSize: 50 },
    }),
  };
}

describe('snapshot and restore', () => {
  it('restoring a snapshot after later changes gives back the very same answers', async () => {
    const mock = newMock();
    await fill(mock);
    const before = await answers(mock);
    expect(before.pages.flatMap((p) => p.esimList)).toHaveLength(PROFILES);
    expect(before.laterRange.esimList).toHaveLength(PROFILES - 30);
    const tenant = mock.emulator.defaultAccount;
    const snapshot = tenant.snapshot();

    await clientOf(mock).cancel({ iccid: before.pages[1]!.esimList[0]!.iccid });
    await tenant.advance(24 * 3_600_000);
    expect(await answers(mock)).not.toEqual(before);

    tenant.restore(snapshot);
    expect(await answers(mock)).toEqual(before);
  });

  it("a snapshot restored into another account answers that account's queries the same way", async () => {
    const mock = newMock();
    await fill(mock);
    const other = mock.emulator.createAccount();
    other.restore(mock.emulator.defaultAccount.snapshot());
    expect(await answers(mock, other.key)).toEqual(await answers(mock));
  });

  it('the restored account acts on its copied profiles, and the snapshot stays as it was', async () => {
    const mock = newMock();
    await fill(mock);
    const tenant = mock.emulator.defaultAccount;
    const snapshot = tenant.snapshot();
    const copy = structuredClone(snapshot);
    tenant.restore(snapshot);
    const { byIccid } = await answers(mock);
    await clientOf(mock).unsuspend({ iccid: byIccid.esimList[0]!.iccid });
    expect((await answers(mock)).byIccid.esimList[0]!.esimStatus).not.toBe(byIccid.esimList[0]!.esimStatus);
    expect(snapshot).toEqual(copy);
  });

  it('a restart from the state file answers as the account did before it', async () => {
    const file = await tempStateFile();
    const first = newMock(file);
    await fill(first);
    const before = await answers(first);
    await first.close();
    expect(await answers(newMock(file))).toEqual(before);
  });
});
