import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CHAOS_PROFILES } from '../src/index.js';
import { createCounter, headers } from './fixtures/counter-provider.js';

const BUSY = { name: 'busy', api: { busy: 1 } };
const stateFile = () => join(mkdtempSync(join(tmpdir(), 'chaos-state-')), 'state.json');

async function call(emu: ReturnType<typeof createCounter>, method: string, body?: unknown) {
  const init = body === undefined ? { method } : { method, body: JSON.stringify(body) };
  const res = await emu.request('/_sandbox/accounts/default/chaos', init);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const get = (emu: ReturnType<typeof createCounter>, id = 'default') => {
  const t = emu.account(id);
  return emu.request('/api/count', { headers: headers(t) });
};

describe('chaos control API', () => {
  test('GET, PUT and DELETE show, set and clear the chaos of the account', async () => {
    const emu = createCounter();
    expect(await call(emu, 'GET')).toEqual({ status: 200, body: { chaos: null } });
    const set = { chaos: { profile: CHAOS_PROFILES.realistic, seed: '17', injected: 0 } };
    expect(await call(emu, 'PUT', { profile: 'realistic', seed: 17 })).toEqual({ status: 200, body: set });
    expect(await call(emu, 'GET')).toEqual({ status: 200, body: set });
    expect(emu.defaultAccount.chaos.get()).toEqual(set.chaos);
    expect(await call(emu, 'DELETE')).toEqual({ status: 200, body: { chaos: null } });
    expect(emu.defaultAccount.chaos.get()).toBeNull();
  });

  test.each([
    [{ profile: { name: 'x', api: { busy: 3 } }, seed: 1 }, 'profile.api.busy'],
    [{ profile: 'wild', seed: 1 }, 'profile'],
    [{ profile: 'gentle' }, 'seed'],
    [{ profile: 'gentle', seed: 1, report: '/tmp/x' }, 'report'],
  ])('PUT %j is a 400 naming the field, and changes nothing', async (body, field) => {
    const emu = createCounter();
    const r = await call(emu, 'PUT', body);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', field });
    expect(emu.defaultAccount.chaos.get()).toBeNull();
  });
});

describe('chaos state', () => {
  test('the option applies to every account: the default one is keyed default, created ones #1, #2', () => {
    const emu = createCounter({ chaos: { profile: 'gentle', seed: 5 } });
    const a = emu.createAccount();
    const b = emu.createAccount();
    expect([emu.defaultAccount, a, b].map((t) => t.chaos.account)).toEqual(['default', '#1', '#2']);
    for (const t of [emu.defaultAccount, a, b]) expect(t.chaos.get()?.profile).toEqual(CHAOS_PROFILES.gentle);
    emu.deleteAccount(a.id);
    expect(emu.createAccount().chaos.account).toBe('#3');
  });

  test('a restart from the state file goes on from the same seq; another seed in the option starts again', async () => {
    const file = stateFile();
    const first = createCounter({ stateFile: file, chaos: { profile: BUSY, seed: 'r' } });
    const created = first.createAccount();
    for (let i = 0; i < 3; i++) await get(first);
    await first.close();

    const again = createCounter({ stateFile: file, chaos: { profile: BUSY, seed: 'r' } });
    await get(again);
    expect(again.defaultAccount.journal.last()?.chaos).toMatchObject({ seed: 'r', seq: 4 });
    expect(again.account(created.id).chaos.account).toBe('#1');
    await again.close();

    const withoutOption = createCounter({ stateFile: file });
    await get(withoutOption);
    expect(withoutOption.defaultAccount.journal.last()?.chaos).toMatchObject({ seed: 'r', seq: 5 });
    await withoutOption.close();

    const otherSeed = createCounter({ stateFile: file, chaos: { profile: BUSY, seed: 'q' } });
    await get(otherSeed);
    expect(otherSeed.defaultAccount.journal.last()?.chaos).toMatchObject({ seed: 'q', seq: 1 });
  });

  test('a state file from before chaos loads, its accounts keyed default and #1 in file order', async () => {
    const file = stateFile();
    const old = createCounter({ stateFile: file });
    old.createAccount();
    await old.close();
    const content = JSON.parse(readFileSync(file, 'utf8')) as { accounts: Record<string, unknown>[] };
    for (const a of content.accounts) delete a.chaos;
    writeFileSync(file, JSON.stringify(content));
    const loaded = createCounter({ stateFile: file });
    expect(loaded.accounts().map((t) => t.chaos.account)).toEqual(['default', '#1']);
    expect(loaded.defaultAccount.chaos.get()).toBeNull();
  });

  test('a state file with bad chaos data is refused naming the field', async () => {
    const file = stateFile();
    await createCounter({ stateFile: file }).close();
    const content = JSON.parse(readFileSync(file, 'utf8')) as { accounts: { chaos: { account: string } }[] };
    (content.accounts[0] as { chaos: { account: string } }).chaos.account = 'someone';
    writeFileSync(file, JSON.stringify(content));
    expect(() => createCounter({ stateFile: file })).toThrow(
      `state file ${file} is corrupt: accounts.0.chaos.account`,
    );
  });

  test('reset keeps the setting and starts the seqs again; restore keeps the account key', async () => {
    const emu = createCounter({ chaos: { profile: BUSY, seed: 'x' } });
    await get(emu);
    await get(emu);
    emu.defaultAccount.reset();
    await get(emu);
    expect(emu.defaultAccount.journal.last()?.chaos).toMatchObject({ seed: 'x', seq: 1 });
    const other = emu.createAccount();
    other.restore(emu.defaultAccount.snapshot());
    expect(other.chaos.account).toBe('#1');
    expect(other.chaos.get()?.seed).toBe('x');
  });
});
