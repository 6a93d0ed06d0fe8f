import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { type StateFileContent, StateFileWriter } from '../src/persistence/state-file.js';
import { createCounter, START } from './fixtures/counter-provider.js';
import { accountRecord, stateFileContent, stateFilePath } from './fixtures/state-file.js';

/** A version-1 state file as the engine wrote it before saves skipped the deep copy and encoded once. */
const VERSION_1_FILE = stateFileContent(
  [
    accountRecord({
      tasks: [{ id: 'task_3', at: START + 5_000, kind: 'increment', data: { by: 10 }, seq: 3 }],
      seq: 3,
    }),
  ],
  { savedAt: '2025-06-01T12:00:00.000Z', random: 12345 },
);

describe('state file', () => {
  test('a save is exactly the JSON of the accounts and one newline, non-ASCII text included', async () => {
    const file = await stateFilePath('emulator-state-file-');
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
    const file = await stateFilePath('emulator-state-file-');
    await writeFile(file, `${JSON.stringify(VERSION_1_FILE, null, 2)}\n`);
    const emu = createCounter({ stateFile: file });
    const t = emu.defaultAccount;
    expect(t.state).toEqual({ count: 4, label: 'c-abc' });
    await t.advance(5_000);
    expect(t.state.count).toBe(14);
  });

  test('the writer encodes the content when called, so the caller may change it right after', async () => {
    const file = await stateFilePath('emulator-state-file-');
    const content = structuredClone(VERSION_1_FILE) as unknown as StateFileContent;
    const written = new StateFileWriter(file).write(content);
    content.accounts[0]!.state = { count: 99, label: 'changed' };
    await written;
    const saved = JSON.parse(await readFile(file, 'utf8')) as typeof VERSION_1_FILE;
    expect(saved.accounts[0]!.state).toEqual({ count: 4, label: 'c-abc' });
  });
});
