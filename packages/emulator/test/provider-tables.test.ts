/**
 * What the engine does with a provider's tables: error faults limited to the provider's error codes (unless marked
 * custom), and provider id tables kept null-prototype through snapshot, restore and the state file, so an id that
 * is a JavaScript built-in name is an ordinary key.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createEmulator, EmulatorError, type ProviderDefinition } from '../src/index.js';
import { counterProvider } from './fixtures/counter-provider.js';

const BUILT_IN_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
/** The one built-in name the tests store an id under; typed `string` so it indexes like any id. */
const KNOWN: string = 'toString';

interface TableState {
  byId: Record<string, string>;
}

const table = (entries: Record<string, string> = {}): Record<string, string> =>
  Object.assign(Object.create(null) as Record<string, string>, entries);

/** The counter's routes and renderers, with a declared error table and an id table in its state. */
const tableProvider = {
  ...(counterProvider as unknown as ProviderDefinition<TableState>),
  name: 'tables',
  initialState: () => ({ byId: table() }),
  errorCodes: ['E1', 'E2'],
  reviveState: (state: TableState) => ({ byId: table(state.byId) }),
} satisfies ProviderDefinition<TableState>;

const create = (stateFile?: string) =>
  createEmulator(tableProvider, {
    clock: 'manual',
    account: { key: 'key-1', secret: 'secret-1' },
    logger: { error: () => {} },
    ...(stateFile ? { stateFile } : {}),
  });

const thrown = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('error faults and the provider error table', () => {
  test('a code outside the table is refused naming action.code, in process and over the control API', async () => {
    const emu = create();
    const error = thrown(() =>
      emu.defaultAccount.faults.add({ path: '/api/count', action: { type: 'error', code: 'E9' } }),
    );
    expect(error).toBeInstanceOf(EmulatorError);
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'action.code' });
    const res = await emu.request('/_sandbox/accounts/default/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: '/api/count', action: { type: 'error', code: 'E9' } }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'INVALID_ARGUMENT', field: 'action.code', message: expect.stringContaining("'E9'") },
    });
    expect(emu.defaultAccount.faults.list()).toEqual([]);
  });

  test.each([
    ['a code in the table', { type: 'error' as const, code: 'E2' }],
    ['a code outside it marked custom', { type: 'error' as const, code: 'E9', custom: true }],
  ])('%s is accepted and answered', async (_what, action) => {
    const emu = create();
    emu.defaultAccount.faults.add({ path: '/api/count', times: 1, action });
    const res = await emu.request('/api/count', { headers: { 'x-key': 'key-1', 'x-secret': 'secret-1' } });
    expect(await res.json()).toEqual({ code: action.code, message: `injected ${action.code}` });
  });
});

describe('null-prototype id tables', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'emulator-tables-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const unknownIsUnknown = (byId: Record<string, string>) => {
    expect(Object.getPrototypeOf(byId)).toBeNull();
    for (const name of BUILT_IN_NAMES.filter((n) => n !== KNOWN)) expect(byId[name]).toBeUndefined();
    expect(byId[KNOWN]).toBe('known');
  };

  test('stay null-prototype through snapshot and restore, also from JSON', () => {
    const emu = create();
    const t = emu.defaultAccount;
    t.state.byId[KNOWN] = 'known';
    const snapshot = t.snapshot();
    unknownIsUnknown(snapshot.state.byId);
    t.restore(snapshot);
    unknownIsUnknown(t.state.byId);
    t.restore(JSON.parse(JSON.stringify(snapshot)));
    unknownIsUnknown(t.state.byId);
  });

  test('come back null-prototype from the state file', async () => {
    const file = join(dir, 'state.json');
    const first = create(file);
    first.defaultAccount.state.byId[KNOWN] = 'known';
    first.defaultAccount.markChanged();
    await first.close();
    const second = create(file);
    unknownIsUnknown(second.defaultAccount.state.byId);
    await second.close();
  });

  test('a snapshot keeps an own __proto__ key as data, not as the prototype', () => {
    const emu = create();
    const t = emu.defaultAccount;
    const proto: string = '__proto__';
    t.state.byId[proto] = 'an id';
    const copy = t.snapshot().state.byId;
    expect(Object.getPrototypeOf(copy)).toBeNull();
    expect(Object.keys(copy)).toEqual(['__proto__']);
  });
});

describe("the engine's own id tables", () => {
  test.each(BUILT_IN_NAMES)('%s is an unknown account, fault and delivery until one is created', (name) => {
    const emu = create();
    expect(emu.findAccount(name)).toBeUndefined();
    expect(thrown(() => emu.account(name))).toMatchObject({ code: 'UNKNOWN_ACCOUNT' });
    expect(thrown(() => emu.defaultAccount.faults.remove(name))).toMatchObject({ code: 'UNKNOWN_FAULT' });
    expect(thrown(() => emu.defaultAccount.webhooks.get(name))).toMatchObject({ code: 'UNKNOWN_DELIVERY' });
    const account = emu.createAccount({ key: name, secret: 's' });
    expect(emu.account(name)).toBe(account);
    expect(emu.findAccount(name)).toBe(account);
    emu.deleteAccount(name);
    expect(emu.findAccount(name)).toBeUndefined();
  });
});
