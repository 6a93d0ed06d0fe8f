import { describe, expect, test } from 'vitest';
import { EmulatorError, REDACTED } from '../src/index.js';
import { createCounter, headers, START } from './fixtures/counter-provider.js';

async function increment(emu: ReturnType<typeof createCounter>, t: { key: string; secret: string }) {
  const res = await emu.request('/api/count/increment', { method: 'POST', headers: headers(t), body: '{}' });
  return (await res.json()) as { count: number };
}

describe('accounts', () => {
  test('the default account uses the credentials from the options and is reachable as "default"', () => {
    const emu = createCounter();
    expect(emu.defaultAccount.key).toBe('key-1');
    expect(emu.account('default')).toBe(emu.account('key-1'));
    expect(emu.defaultAccount.isDefault).toBe(true);
  });

  test('createAccount makes a fresh account with generated credentials, found by key', () => {
    const emu = createCounter();
    const a = emu.createAccount();
    expect(a.key).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(a.secret).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(emu.findAccount(a.key)).toBe(a);
    expect(a.isDefault).toBe(false);
    expect(emu.accounts()).toHaveLength(2);
  });

  test('createAccount passes params to initialState and refuses a taken key', () => {
    const emu = createCounter();
    expect(emu.createAccount({ key: 'k2', secret: 's2', params: { start: 40 } }).state.count).toBe(40);
    expect(() => emu.createAccount({ key: 'k2' })).toThrow(
      expect.objectContaining({ code: 'ACCOUNT_EXISTS' }),
    );
    expect(() => emu.createAccount({ key: 'default' })).toThrow(EmulatorError);
  });

  test('creating many accounts is cheap enough for one per test', () => {
    const emu = createCounter();
    for (let i = 0; i < 500; i++) emu.createAccount();
    expect(emu.accounts()).toHaveLength(501);
  });

  test('deleteAccount removes an account, its key stops working, and the default account cannot be deleted', async () => {
    const emu = createCounter();
    const t = emu.createAccount();
    t.scheduler.after('increment', 10, { by: 1 });
    emu.deleteAccount(t.id);
    expect(emu.findAccount(t.key)).toBeUndefined();
    const res = await emu.request('/api/count', { headers: headers(t) });
    expect(res.status).toBe(401);
    expect(() => emu.deleteAccount('default')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  test('an unknown account id is an UNKNOWN_ACCOUNT error', () => {
    const emu = createCounter();
    expect(() => emu.account('nope')).toThrow(expect.objectContaining({ code: 'UNKNOWN_ACCOUNT' }));
  });

  test('with seeded credentials, the same seed generates the same credentials and initial data; another seed does not', () => {
    const a = createCounter({ seed: 7, credentials: 'seeded' }).createAccount();
    const b = createCounter({ seed: 7, credentials: 'seeded' }).createAccount();
    const c = createCounter({ seed: 8, credentials: 'seeded' }).createAccount();
    expect([a.key, a.secret, a.state.label]).toEqual([b.key, b.secret, b.state.label]);
    expect(c.key).not.toBe(a.key);
  });
});

describe('isolation', () => {
  test('state, clock, tasks and journal of one account never leak into another', async () => {
    const emu = createCounter();
    const a = emu.defaultAccount;
    const b = emu.createAccount();
    await increment(emu, a);
    await increment(emu, a);
    await increment(emu, b);
    b.scheduler.after('increment', 1_000, { by: 10 });
    await a.advance(5_000);
    expect(a.state.count).toBe(2);
    expect(b.state.count).toBe(1);
    expect(a.clock.now()).toBe(START + 5_000);
    expect(b.clock.now()).toBe(START);
    expect(a.journal.list()).toHaveLength(2);
    expect(b.journal.list()).toHaveLength(1);
  });

  test('a request with another account key and a wrong secret is journaled to that account as unauthenticated', async () => {
    const emu = createCounter();
    const b = emu.createAccount();
    const res = await emu.request('/api/count', { headers: { 'x-key': b.key, 'x-secret': 'wrong' } });
    expect(res.status).toBe(401);
    expect(b.journal.last()).toMatchObject({ authenticated: false, providerCode: 'BAD_SECRET' });
    expect(emu.defaultAccount.journal.list()).toHaveLength(0);
  });

  test('a request with an unknown key is journaled to the default account', async () => {
    const emu = createCounter();
    await emu.request('/api/count', { headers: { 'x-key': 'who' } });
    expect(emu.defaultAccount.journal.last()).toMatchObject({
      authenticated: false,
      providerCode: 'BAD_KEY',
    });
  });
});

describe('reset, snapshot, restore', () => {
  test('reset returns to the initial state with the same credentials, and replays the same ids', async () => {
    const emu = createCounter();
    const t = emu.createAccount({ params: { start: 3 } });
    const { key, secret } = t;
    const label = t.state.label;
    await increment(emu, t);
    t.scheduler.after('increment', 10, { by: 1 });
    t.faults.add({ path: '/x', action: { type: 'drop' } });
    await t.advance(1_000);
    t.reset();
    expect([t.key, t.secret]).toEqual([key, secret]);
    expect(t.state).toEqual({ count: 3, label });
    expect(t.clock.now()).toBe(START);
    expect(t.scheduler.list()).toEqual([]);
    expect(t.faults.list()).toEqual([]);
    expect(t.journal.list()).toEqual([]);
  });

  test('snapshot then restore brings back state, pending tasks, clock and faults', async () => {
    const emu = createCounter();
    const t = emu.defaultAccount;
    await increment(emu, t);
    t.scheduler.after('increment', 5_000, { by: 7 });
    t.faults.add({ path: '/api/**', times: 2, action: { type: 'error', code: 'E1' } });
    await t.advance(1_000);
    const snap = t.snapshot();
    const nextHex = t.random.hex(8);

    await increment(emu, t);
    await t.advance(10_000);
    t.faults.clear();
    t.restore(snap);

    expect(t.state.count).toBe(1);
    expect(t.clock.now()).toBe(START + 1_000);
    expect(t.faults.list()).toHaveLength(1);
    expect(t.random.hex(8)).toBe(nextHex);
    await t.advance(4_000);
    expect(t.state.count).toBe(8);
  });

  test('a snapshot of one account restored into another keeps the target credentials', () => {
    const emu = createCounter();
    const a = emu.defaultAccount;
    a.state.count = 42;
    const b = emu.createAccount();
    const bSecret = b.secret;
    b.restore(a.snapshot({ redactSecret: true }));
    expect(b.state.count).toBe(42);
    expect([b.id, b.secret]).toEqual([b.key, bSecret]);
    expect(a.snapshot({ redactSecret: true }).secret).toBe(REDACTED);
  });

  test('restore refuses something that is not a snapshot', () => {
    const emu = createCounter();
    expect(() => emu.defaultAccount.restore({ version: 2 } as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', field: 'snapshot.version' }),
    );
  });
});
