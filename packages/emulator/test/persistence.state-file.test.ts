import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { type StateFileContent, StateFileWriter } from '../src/persistence/state-file.js';
import { createCounter, START } from './fixtures/counter-provider.js';

/** A path in a fresh directory that is removed when the test ends. */
async function stateFilePath(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'emulator-state-file-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return join(dir, 'state.json');
}

/** A version-1 state file as the engine wrote it before saves skipped the deep copy and encoded once. */
const VERSION_1_FILE = {
  format: 'esim-sandbox-emulator',
  formatVersion: 1,
  provider: 'counter',
  stateVersion: 1,
  savedAt: '2025-06-01T12:00:00.000Z',
  defaultAccount: 'key-1',
  random: 12345,
  accounts: [
    {
      version: 1,
      id: 'key-1',
      key: 'key-1',
      secret: 'secret-1',
      state: { count: 4, label: 'c-abc' },
      clock: { mode: 'manual', offsetMs: 0, nowMs: START },
      tasks: [{ id: 'task_3', at: START + 5_000, kind: 'increment', data: { by: 10 }, seq: 3 }],
      seq: 3,
      random: 1,
      faultRandom: 2,
      faults: [],
      rateLimit: null,
      webhooks: { url: null, faults: {}, deliveries: [] },
    },
  ],
};

describe('state file', () => {
  test('a save is exactly the JSON of the accounts and one newline, non-ASCII text included', async () => {
    const file = await stateFilePath();
    const emu = createCounter({ stateFile: file });
    emu.defaultAccount.state = { count: 1, label: 'Zürich 東京 😀' };
    await emu.persist();
    const text = await readFile(file, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.slice(0, -1)).toBe(JSON.stringify(JSON.parse(text)));
    await emu.close();
    expect(createCounter({ stateFile: file }).defaultAccount.state.label).toBe('Zürich 東京 😀');
  });

  test('a version-1 file written before this engine loads, pending tasks included', async () => {
    const file = await stateFilePath();
    await writeFile(file, `${JSON.stringify(VERSION_1_FILE, null, 2)}\n`);
    const emu = createCounter({ stateFile: file });
    const t = emu.defaultAccount;
    expect(t.state).toEqual({ count: 4, label: 'c-abc' });
    await t.advance(5_000);
    expect(t.state.count).toBe(14);
  });

  test('the writer encodes the content when called, so the caller may change it right after', async () => {
    const file = await stateFilePath();
    const content = structuredClone(VERSION_1_FILE) as unknown as StateFileContent;
    const written = new StateFileWriter(file).write(content);
    content.accounts[0]!.state = { count: 99, label: 'changed' };
    await written;
    const saved = JSON.parse(await readFile(file, 'utf8')) as typeof VERSION_1_FILE;
    expect(saved.accounts[0]!.state).toEqual({ count: 4, label: 'c-abc' });
  });
});
