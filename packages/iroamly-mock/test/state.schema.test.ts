/**
 * The account state read back from JSON (a state file at start, `restore`) is checked against the fake's state
 * shape: a wrong one is refused naming the field, and the account keeps what it had.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IroamlyClient } from '@esim-sandbox/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { IroamlyMock } from '../src/index.js';
import { manualMock } from './http.builders.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A mock whose account has bought one code, so the state has an order and a code to break. */
async function withCode(stateFile?: string): Promise<IroamlyMock> {
  const mock = manualMock({ stateFile, rateLimit: null });
  const client = new IroamlyClient({
    authKey: mock.authKey,
    authSecret: mock.authSecret,
    baseUrl: 'http://iroamly.test',
    fetch: (input, init) => mock.fetch(new Request(input, init)),
    retry: false,
  });
  const productCode = mock.catalog.products[0]!.item.productCode;
  await client.purchase({ email: 'a@b.co', productList: [{ productCode, quantity: 1 }] });
  return mock;
}

type State = Record<string, Record<string, Record<string, unknown>>>;
const BREAKS: { what: string; field: (s: State) => string; apply: (s: State) => void }[] = [
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
    const tenant = mock.emulator.defaultAccount;
    const snapshot = JSON.parse(JSON.stringify(tenant.snapshot()));
    const before = JSON.stringify(tenant.snapshot());
    const field = b.field(snapshot.state);
    b.apply(snapshot.state);
    const res = await mock.fetch(
      new Request(`http://localhost/_sandbox/accounts/${tenant.id}/restore`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(snapshot),
      }),
    );
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain(field);
    expect(JSON.stringify(tenant.snapshot())).toBe(before);
    await mock.close();
  });

  it.each(BREAKS)('a state file with $what is refused at start naming the account and field', async (b) => {
    const dir = mkdtempSync(join(tmpdir(), 'iroamly-schema-'));
    dirs.push(dir);
    const stateFile = join(dir, 'state.json');
    await (await withCode(stateFile)).close();
    const content = JSON.parse(readFileSync(stateFile, 'utf8'));
    const field = b.field(content.accounts[0].state);
    b.apply(content.accounts[0].state);
    writeFileSync(stateFile, JSON.stringify(content));
    expect(() => manualMock({ stateFile })).toThrow(
      expect.objectContaining({ message: expect.stringContaining(`accounts.0.${field}`) }),
    );
  });
});
