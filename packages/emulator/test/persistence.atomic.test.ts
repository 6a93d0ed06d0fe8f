import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { createCounter, headers } from './fixtures/counter-provider.js';
import { accountRecord, stateFileContent, stateFilePath } from './fixtures/state-file.js';

let dir: string;
let file: string;
beforeEach(async () => {
  file = await stateFilePath('emulator-atomic-');
  dir = dirname(file);
});

const quiet = { logger: { error: () => {} } };
const increment = (emu: ReturnType<typeof createCounter>) =>
  emu.request('/api/count/increment', { method: 'POST', headers: headers(emu.defaultAccount), body: '{}' });

/** From now on every save fails (a non-empty folder where the file is renamed to); `heal` undoes it. */
async function breakSaves(): Promise<{ heal(): Promise<void> }> {
  const saved = await readFile(file);
  await rm(file);
  await mkdir(join(file, 'blocker'), { recursive: true });
  return {
    heal: async () => {
      await rm(file, { recursive: true });
      await writeFile(file, saved);
    },
  };
}

describe('all-or-nothing writes', () => {
  test('a provider write whose save fails changes nothing, and the retry after the disk recovers applies once', async () => {
    const emu = createCounter({ stateFile: file, ...quiet });
    await increment(emu);
    const disk = await breakSaves();
    const failed = await increment(emu);
    expect(await failed.json()).toEqual({ code: 'SERVER_ERROR' });
    expect(emu.defaultAccount.state.count).toBe(1);
    expect(emu.defaultAccount.journal.last()).toMatchObject({ providerCode: 'SERVER_ERROR' });
    await disk.heal();
    expect(await (await increment(emu)).json()).toEqual({ code: '0', count: 2 });
    expect(JSON.parse(await readFile(file, 'utf8')).accounts[0].state.count).toBe(2);
  });

  test('a control write whose save fails answers 500 STATE_FILE_IO and changes nothing', async () => {
    const emu = createCounter({ stateFile: file, ...quiet });
    await increment(emu);
    await breakSaves();
    const reset = await emu.request('/_sandbox/accounts/default/reset', { method: 'POST' });
    expect(reset.status).toBe(500);
    expect(await reset.json()).toMatchObject({ error: { code: 'STATE_FILE_IO' } });
    expect(emu.defaultAccount.state.count).toBe(1);
    const created = await emu.request('/_sandbox/accounts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'new-one' }),
    });
    expect(created.status).toBe(500);
    expect(emu.findAccount('new-one')).toBeUndefined();
  });
});

describe('state file at start', () => {
  test('a missing folder is created and the file written at once', async () => {
    const nested = join(dir, 'a', 'b', 'state.json');
    createCounter({ stateFile: nested });
    expect(JSON.parse(await readFile(nested, 'utf8')).defaultAccount).toBe('key-1');
  });

  test('a folder that cannot be made is refused at start with one line naming the file', async () => {
    await writeFile(join(dir, 'plain-file'), 'x');
    const path = join(dir, 'plain-file', 'state.json');
    expect(() => createCounter({ stateFile: path })).toThrow(
      expect.objectContaining({
        code: 'STATE_FILE_IO',
        message: expect.stringMatching(/^cannot (read|write) state file [^\n]*$/),
      }),
    );
  });

  test('temporary files of interrupted saves are removed at start', async () => {
    createCounter({ stateFile: file });
    await writeFile(join(dir, '.state.json.0123456789ab.tmp'), '{"half');
    await writeFile(join(dir, 'unrelated.tmp'), 'keep');
    createCounter({ stateFile: file });
    expect((await readdir(dir)).sort()).toEqual(['state.json', 'unrelated.tmp']);
  });
});

const account = accountRecord;
const stateFile = (accounts: unknown[]) => JSON.stringify(stateFileContent(accounts));

describe('state file validation', () => {
  test.each([
    [
      'a null provider state',
      [account({ state: null })],
      "accounts.0.state: expected the provider's state object",
    ],
    [
      'a malformed task',
      [account({ tasks: [{ id: 't', at: 'soon', kind: 'x', data: 1, seq: 1 }] })],
      'accounts.0.tasks.0.at',
    ],
    ['no webhooks', [account({ webhooks: undefined })], 'accounts.0.webhooks'],
    ['a duplicate account id', [account(), account()], "accounts.1.id: 'key-1' appears twice"],
  ])('a file with %s is refused at start with one line naming the field', async (_what, accounts, text) => {
    await writeFile(file, stateFile(accounts));
    let error: Error | undefined;
    try {
      createCounter({ stateFile: file });
    } catch (err) {
      error = err as Error;
    }
    expect(error).toMatchObject({ code: 'STATE_FILE_CORRUPT' });
    expect(error?.message).toContain(`state file ${file} is corrupt: ${text}`);
    expect(error?.message).not.toContain('\n');
  });

  test('restore refuses a null provider state with 400 naming it, and the account keeps working', async () => {
    const emu = createCounter();
    const snapshot = { ...emu.defaultAccount.snapshot(), state: null };
    const res = await emu.request('/_sandbox/accounts/default/restore', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(snapshot),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'INVALID_ARGUMENT', field: 'state' } });
    expect(await (await increment(emu)).json()).toEqual({ code: '0', count: 1 });
  });
});
