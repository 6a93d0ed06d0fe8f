/**
 * The account state read back from JSON (a state file at start, `restore`) is checked against the fake's state
 * shape: a wrong one is refused naming the field, and the account keeps what it had.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkRestoreRefused, checkStateFileRefused, type StateBreak } from '@esim-sandbox/emulator/testing';
import { afterEach, describe, it } from 'vitest';
import type { IroamlyMock } from '../src/index.js';
import { manualMock, purchaseFirstProduct } from './http.builders.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A mock whose account has bought one code, so the state has an order and a code to break. */
async function withCode(stateFile?: string): Promise<IroamlyMock> {
  const mock = manualMock({ stateFile, rateLimit: null });
  await purchaseFirstProduct(mock, 1);
  return mock;
}

const BREAKS: StateBreak[] = [
  { what: 'codes missing', field: () => 'state.codes: required', apply: (s) => void delete s.codes },
  {
    what: 'a code of unknown status',
    field: (s) => `state.codes.${Object.keys(s.codes!)[0]}.status: `,
    apply: (s) => {
      Object.values(s.codes!)[0]!.status = 9;
    },
  },
  {
    what: 'an order without email',
    field: (s) => `state.orders.${Object.keys(s.orders!)[0]}.email: required`,
    apply: (s) => void delete Object.values(s.orders!)[0]!.email,
  },
];

describe('iRoamly account state shape', () => {
  it.each(BREAKS)('restore refuses a state with $what naming the field, and changes nothing', async (b) => {
    const mock = await withCode();
    await checkRestoreRefused({ emulator: mock.emulator, account: mock.emulator.defaultAccount, break: b });
    await mock.close();
  });

  it.each(BREAKS)('a state file with $what is refused at start naming the account and field', async (b) => {
    const dir = mkdtempSync(join(tmpdir(), 'iroamly-schema-'));
    dirs.push(dir);
    const stateFile = join(dir, 'state.json');
    await (await withCode(stateFile)).close();
    await checkStateFileRefused(stateFile, b, () => manualMock({ stateFile }));
  });
});
