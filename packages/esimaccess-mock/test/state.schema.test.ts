/**
 * The account state read back from JSON (a state file at start, `restore`) is checked against the fake's state
 * shape: a wrong one is refused naming the field, and the account keeps what it had.
 */
import { checkRestoreRefused, checkStateFileRefused, type StateBreak } from '@esim-sandbox/emulator/testing';
import { describe, expect, it } from 'vitest';
import type { EsimAccessMock } from '../src/index.js';
import { newMock, orderFirstPackage, tempStateFile } from './support/mocks.js';

/** One allocated profile, so the state has an order, a profile and a ledger entry to break. */
async function withProfile(stateFile?: string): Promise<EsimAccessMock> {
  const mock = newMock('schema', { stateFile });
  await orderFirstPackage(mock, 'schema-1', 1);
  await mock.emulator.defaultAccount.advance(60_000);
  return mock;
}

const BREAKS: StateBreak[] = [
  { what: 'orders missing', field: () => 'state.orders: required', apply: (s) => void delete s.orders },
  {
    what: 'a profile without iccid',
    field: (s) => `state.profiles.${Object.keys(s.profiles!)[0]}.iccid: required`,
    apply: (s) => void delete Object.values(s.profiles!)[0]!.iccid,
  },
  {
    what: 'an order of unknown status',
    field: (s) => `state.orders.${Object.keys(s.orders!)[0]}.status: `,
    apply: (s) => {
      Object.values(s.orders!)[0]!.status = 'LOST';
    },
  },
];

describe('eSIM Access account state shape', () => {
  it.each(BREAKS)('restore refuses a state with $what naming the field, and changes nothing', async (b) => {
    const mock = await withProfile();
    await checkRestoreRefused({ emulator: mock.emulator, account: mock.emulator.defaultAccount, break: b });
  });

  it.each(BREAKS)('a state file with $what is refused at start naming the account and field', async (b) => {
    const file = await tempStateFile();
    await (await withProfile(file)).close();
    await checkStateFileRefused(file, b, () => newMock('schema', { stateFile: file }));
  });

  it('a state file of a working account loads again', async () => {
    const file = await tempStateFile();
    const first = await withProfile(file);
    const saved = first.emulator.defaultAccount.snapshot().state;
    await first.close();
    expect(JSON.stringify(newMock('schema', { stateFile: file }).emulator.defaultAccount.state)).toBe(
      JSON.stringify(saved),
    );
  });
});
