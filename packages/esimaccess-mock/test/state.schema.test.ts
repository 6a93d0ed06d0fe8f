/**
 * The account state read back from JSON (a state file at start, `restore`) is checked against the fake's state
 * shape: a wrong one is refused naming the field, and the account keeps what it had.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EsimAccessClient } from '@esim-sandbox/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createEsimAccessMock, type EsimAccessMock } from '../src/index.js';
import { START } from './support/harness.js';

const mocks: EsimAccessMock[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((m) => m.close()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

function newMock(stateFile?: string): EsimAccessMock {
  const mock = createEsimAccessMock({
    clock: 'manual',
    startTime: START,
    seed: 'schema',
    stateFile,
    rateLimit: null,
  });
  mocks.push(mock);
  return mock;
}

/** One allocated profile, so the state has an order, a profile and a ledger entry to break. */
async function withProfile(mock: EsimAccessMock): Promise<void> {
  const tenant = mock.emulator.defaultAccount;
  const client = new EsimAccessClient({
    accessCode: mock.accessCode,
    secretKey: tenant.secret,
    baseUrl: 'https://api.esimaccess.com',
    fetch: (url, init) => mock.fetch(new Request(url, init)),
    retry: false,
    rateLimit: false,
  });
  const [pkg] = await client.listPackages({});
  await client.order({
    transactionId: 'schema-1',
    packageInfoList: [{ packageCode: pkg!.packageCode, count: 1 }],
  });
  await tenant.advance(60_000);
}

type State = Record<string, Record<string, Record<string, unknown>>>;
const BREAKS: { what: string; field: (s: State) => string; apply: (s: State) => void }[] = [
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
    const mock = newMock();
    await withProfile(mock);
    const tenant = mock.emulator.defaultAccount;
    const snapshot = JSON.parse(JSON.stringify(tenant.snapshot()));
    const before = JSON.stringify(tenant.snapshot());
    const field = b.field(snapshot.state);
    b.apply(snapshot.state);
    const res = await mock.fetch(
      new Request(`http://localhost/_sandbox/accounts/${mock.accessCode}/restore`, {
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
  });

  it.each(BREAKS)('a state file with $what is refused at start naming the account and field', async (b) => {
    const dir = await mkdtemp(join(tmpdir(), 'esimaccess-schema-'));
    dirs.push(dir);
    const file = join(dir, 'state.json');
    const first = newMock(file);
    await withProfile(first);
    await first.close();
    const content = JSON.parse(await readFile(file, 'utf8'));
    const field = b.field(content.accounts[0].state);
    b.apply(content.accounts[0].state);
    await writeFile(file, JSON.stringify(content));
    expect(() => newMock(file)).toThrow(
      expect.objectContaining({ message: expect.stringContaining(`accounts.0.${field}`) }),
    );
  });

  it('a state file of a working account loads again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'esimaccess-schema-'));
    dirs.push(dir);
    const file = join(dir, 'state.json');
    const first = newMock(file);
    await withProfile(first);
    const saved = first.emulator.defaultAccount.snapshot().state;
    await first.close();
    expect(JSON.stringify(newMock(file).emulator.defaultAccount.state)).toBe(JSON.stringify(saved));
  });
});
