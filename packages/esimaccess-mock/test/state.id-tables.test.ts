/**
 * The account's id tables are null-prototype objects when created, restored from a JSON snapshot or read back
 * from a state file, so a built-in name such as `constructor` is never found in them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEsimAccessMock } from '../src/index.js';
import { type EsimAccessAccountState, ID_TABLES } from '../src/state/types.js';

function expectNullPrototypeTables(state: EsimAccessAccountState): void {
  for (const name of ID_TABLES) {
    expect(Object.getPrototypeOf(state[name]), name).toBeNull();
    expect(state[name].constructor, name).toBeUndefined();
  }
}

describe('id tables', () => {
  it('are null-prototype in a new account and after restoring a snapshot sent as JSON', () => {
    const mock = createEsimAccessMock({ clock: 'manual' });
    const { tenant } = mock.control.account();
    expectNullPrototypeTables(tenant.state);
    tenant.restore(JSON.parse(JSON.stringify(tenant.snapshot())));
    expectNullPrototypeTables(tenant.state);
  });

  it('are null-prototype after a restart from the state file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'esimaccess-tables-'));
    try {
      const stateFile = join(dir, 'state.json');
      const first = createEsimAccessMock({ clock: 'manual', stateFile });
      first.control.account().setBalance(5);
      await first.close();
      const second = createEsimAccessMock({ clock: 'manual', stateFile });
      expectNullPrototypeTables(second.control.account().tenant.state);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
