import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { EmulatorError } from '../src/index.js';
import { createCounter, headers, START } from './fixtures/counter-provider.js';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'emulator-state-'));
  file = join(dir, 'state.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const increment = (emu: ReturnType<typeof createCounter>) =>
  emu.request('/api/count/increment', { method: 'POST', headers: headers(emu.defaultAccount), body: '{}' });

describe('persistence', () => {
  test('a write is in the state file before its response is returned', async () => {
    const emu = createCounter({ stateFile: file });
    await increment(emu);
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(saved.accounts[0].state.count).toBe(1);
    await increment(emu);
    expect(JSON.parse(await readFile(file, 'utf8')).accounts[0].state.count).toBe(2);
  });

  test('a restart from the file restores accounts, state, pending tasks, clocks, faults and webhooks', async () => {
    const a = createCounter({ stateFile: file });
    await increment(a);
    const extra = a.createAccount({ params: { start: 5 } });
    const t = a.defaultAccount;
    t.scheduler.after('increment', 10_000, { by: 100 });
    t.faults.add({ path: '/api/nothing', times: 3, action: { type: 'error', code: 'E' } });
    t.webhooks.setUrl('http://127.0.0.1:9/hook');
    await t.advance(1_000);
    await a.close();

    const b = createCounter({ stateFile: file });
    const u = b.defaultAccount;
    expect(u.state.count).toBe(1);
    expect(u.clock.now()).toBe(START + 1_000);
    expect(u.faults.list()).toHaveLength(1);
    expect(u.webhooks.url).toBe('http://127.0.0.1:9/hook');
    expect(b.account(extra.id)).toMatchObject({ secret: extra.secret, state: { count: 5 } });
    await u.advance(9_000);
    expect(u.state.count).toBe(101);
    // The engine generator continues, so a new account does not reuse earlier credentials.
    expect(b.createAccount().key).not.toBe(extra.key);
  });

  test('a write that cannot be saved is answered as a server error, not acknowledged', async () => {
    const errors: string[] = [];
    const emu = createCounter({ stateFile: file, logger: { error: (m) => errors.push(m) } });
    // A non-empty folder where the file should be: the save's final rename fails.
    await rm(file);
    await mkdir(join(file, 'blocker'), { recursive: true });
    const res = await increment(emu);
    expect(await res.json()).toEqual({ code: 'SERVER_ERROR' });
    expect(errors[0]).toContain('cannot write state file');
  });

  test('saving leaves no temporary file behind', async () => {
    const emu = createCounter({ stateFile: file });
    await Promise.all([increment(emu), increment(emu), increment(emu)]);
    await emu.close();
    expect(await readdir(dir)).toEqual(['state.json']);
    expect(JSON.parse(await readFile(file, 'utf8')).accounts[0].state.count).toBe(3);
  });

  test('read requests that change nothing do not rewrite the file', async () => {
    const emu = createCounter({ stateFile: file });
    await increment(emu);
    const before = await readFile(file, 'utf8');
    await emu.request('/api/count', { headers: headers(emu.defaultAccount) });
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  test.each([
    ['not JSON', '{"format": ', 'STATE_FILE_CORRUPT', 'is corrupt: not valid JSON'],
    ['another kind of file', '{"hello": 1}', 'STATE_FILE_CORRUPT', 'not an esim-sandbox state file'],
    [
      'another format version',
      '{"format":"esim-sandbox-emulator","formatVersion":9}',
      'STATE_FILE_VERSION',
      'format version 9',
    ],
    [
      'another provider',
      '{"format":"esim-sandbox-emulator","formatVersion":1,"provider":"iroamly","stateVersion":1}',
      'STATE_FILE_VERSION',
      "provider 'iroamly'",
    ],
    [
      'missing accounts',
      '{"format":"esim-sandbox-emulator","formatVersion":1,"provider":"counter","stateVersion":1}',
      'STATE_FILE_CORRUPT',
      'accounts or defaultAccount missing',
    ],
  ])('a state file that is %s gives a clear error naming the file', async (_name, content, code, text) => {
    await writeFile(file, content);
    let error: unknown;
    try {
      createCounter({ stateFile: file });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(EmulatorError);
    expect(error).toMatchObject({ code });
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toContain(text);
  });

  test('a state file of another default account is refused rather than silently served', async () => {
    const a = createCounter({ stateFile: file });
    await a.close();
    expect(() => createCounter({ stateFile: file, account: { key: 'other', secret: 's' } })).toThrow(
      expect.objectContaining({ code: 'STATE_FILE_MISMATCH' }),
    );
  });
});
