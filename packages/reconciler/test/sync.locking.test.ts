import { beforeEach, describe, expect, it } from 'vitest';
import { AccountBusyError } from '../src/errors.js';
import { syncAccount, syncAccounts } from '../src/sync/engine.js';
import type { SyncTarget } from '../src/sync/types.js';
import { esimAccessHandlers, FakeEsimAccess } from './helpers/fake-esimaccess.js';
import { useMsw } from './helpers/msw.js';
import { useStore } from './helpers/store.js';
import { esimAccessClient } from './helpers/sync.js';

const getStore = useStore();
const use = useMsw();
let fake: FakeEsimAccess;

beforeEach(() => {
  fake = new FakeEsimAccess();
  fake.addOrder(2);
  use(...esimAccessHandlers(fake));
});

const target = (accountId: string): SyncTarget => ({
  provider: 'esimaccess',
  accountId,
  client: esimAccessClient(),
});

/** Starts a sync of `accountId` that stops at its first provider call until `open()` is called. */
async function holdSync(accountId: string) {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  let reached!: () => void;
  const atGate = new Promise<void>((resolve) => {
    reached = resolve;
  });
  fake.onRequest = async () => {
    fake.onRequest = undefined;
    reached();
    await gate;
  };
  const running = syncAccount(getStore(), target(accountId));
  await atGate;
  return { open, running };
}

describe('one sync per account at a time', () => {
  it('refuses a second sync of an account while the first holds it', async () => {
    const held = await holdSync('esimaccess');
    await expect(syncAccount(getStore(), target('esimaccess'))).rejects.toThrow(AccountBusyError);
    held.open();
    await expect(held.running).resolves.toMatchObject({ runId: 1 });
  });

  it('lets another account sync meanwhile', async () => {
    const held = await holdSync('esimaccess');
    await expect(syncAccount(getStore(), target('esimaccess-b'))).resolves.toMatchObject({
      accountId: 'esimaccess-b',
    });
    held.open();
    await held.running;
  });

  it('frees the account when the sync ends, even by failing', async () => {
    fake.failNext = '000001';
    await expect(syncAccount(getStore(), target('esimaccess'))).rejects.toThrow();
    await expect(syncAccount(getStore(), target('esimaccess'))).resolves.toMatchObject({ resumed: false });
  });

  it('syncs the free accounts first and a busy one once it is released', async () => {
    const held = await holdSync('esimaccess');
    const outcomes = await syncAccounts(getStore(), [target('esimaccess'), target('esimaccess-b')], {
      waitMs: 60_000,
      retryMs: 0,
      sleep: async () => {
        held.open();
        await held.running;
      },
    });
    expect(outcomes.map((o) => o.status)).toEqual(['completed', 'completed']);
  });

  it('reports an account busy when it stays held past the wait', async () => {
    const held = await holdSync('esimaccess');
    const outcomes = await syncAccounts(getStore(), [target('esimaccess')], { waitMs: 0 });
    expect(outcomes).toEqual([{ status: 'busy', accountId: 'esimaccess' }]);
    held.open();
    await held.running;
  });
});
