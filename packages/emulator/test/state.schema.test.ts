import { writeFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { createEmulator } from '../src/index.js';
import { counterProvider, START } from './fixtures/counter-provider.js';
import { accountRecord, stateFileContent, stateFilePath } from './fixtures/state-file.js';

/** The counter provider with the shape of its state declared. */
const provider = {
  ...counterProvider,
  stateSchema: z.object({ count: z.number().int(), label: z.string() }),
};

function create(stateFile?: string) {
  return createEmulator(provider, {
    clock: 'manual',
    startTime: START,
    account: { key: 'key-1', secret: 'secret-1' },
    logger: { error: () => {} },
    ...(stateFile ? { stateFile } : {}),
  });
}

async function stateFileWith(state: unknown): Promise<string> {
  const file = await stateFilePath('emulator-state-schema-');
  await writeFile(file, JSON.stringify(stateFileContent([accountRecord({ state })])));
  return file;
}

const BAD_STATES = [
  { state: { count: 1 }, error: 'state.label: required' },
  {
    state: { count: 'one', label: 'x' },
    error: 'state.count: Invalid input: expected number, received string',
  },
  { state: { count: 1.5, label: 'x' }, error: 'state.count: ' },
];

describe('provider state shape (stateSchema)', () => {
  test.each(BAD_STATES)('a state file whose account state is $state is refused naming $error', async (c) => {
    const file = await stateFileWith(c.state);
    expect(() => create(file)).toThrow(
      expect.objectContaining({
        code: 'STATE_FILE_CORRUPT',
        message: expect.stringContaining(`accounts.0.${c.error}`),
      }),
    );
  });

  test('a state file whose account state has the declared shape loads', async () => {
    const file = await stateFileWith({ count: 3, label: 'ok' });
    expect(create(file).defaultAccount.state).toEqual({ count: 3, label: 'ok' });
  });

  test.each(BAD_STATES)(
    'restore over the control API refuses a state $state naming $error and changes nothing',
    async (c) => {
      const emu = create();
      const t = emu.defaultAccount;
      t.state.count = 7;
      const snap = t.snapshot();
      const before = JSON.stringify(t.snapshot());
      const res = await emu.request('/_sandbox/accounts/default/restore', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...snap, state: c.state }),
      });
      expect(res.status).toBe(400);
      const { error } = (await res.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.message).toContain(c.error);
      expect(JSON.stringify(t.snapshot())).toBe(before);
    },
  );

  test('restore through the API of the account refuses a wrong state with the field named', () => {
    const t = create().defaultAccount;
    expect(() => t.restore({ ...t.snapshot(), state: { count: 2 } as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', field: 'state.label' }),
    );
  });
});
