import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseCli } from '../src/cli/config.js';
import { driftFindings } from '../src/store/schema.js';
import { syncAccount } from '../src/sync/engine.js';
import type { SyncOptions } from '../src/sync/types.js';
import { esimAccessHandlers, FakeEsimAccess } from './helpers/fake-esimaccess.js';
import { useMsw } from './helpers/msw.js';
import { useStore } from './helpers/store.js';
import { esimAccessClient } from './helpers/sync.js';

const getStore = useStore();
const use = useMsw();
let fake: FakeEsimAccess;

beforeEach(() => {
  fake = new FakeEsimAccess();
  use(...esimAccessHandlers(fake));
});

const sync = (options: SyncOptions = {}) =>
  syncAccount(
    getStore(),
    { provider: 'esimaccess', accountId: 'esimaccess', client: esimAccessClient() },
    options,
  );

async function unknownFindings(runId: number) {
  const rows = await getStore().db.select().from(driftFindings).where(eq(driftFindings.runId, runId));
  return rows
    .filter((f) => f.kind === 'unknown_to_us')
    .map((f) => `${f.subjectType} ${f.subjectId}: ${f.resolution ?? 'open'}`)
    .sort();
}

describe('sync with adopt', () => {
  it('takes an existing account as the baseline on its first sync: what it finds is resolved, not open drift', async () => {
    const [p1, p2] = fake.addOrder(2);
    const first = await sync({ adopt: true });
    expect(first.adopted).toBe(3);
    expect(await unknownFindings(first.runId)).toEqual([
      `order ${p1!.orderNo}: adopted as baseline`,
      `profile ${p1!.esimTranNo}: adopted as baseline`,
      `profile ${p2!.esimTranNo}: adopted as baseline`,
    ]);
  });

  it('adopts nothing once the account has a completed sync: later unknowns stay open drift', async () => {
    fake.addOrder(1);
    await sync();
    const [later] = fake.addOrder(1);
    const second = await sync({ adopt: true });
    expect(second.adopted).toBe(0);
    expect(await unknownFindings(second.runId)).toEqual([
      `order ${later!.orderNo}: open`,
      `profile ${later!.esimTranNo}: open`,
    ]);
  });

  it('is the CLI flag sync --adopt', () => {
    expect(parseCli(['sync', '--once', '--adopt'], {}).sync.adopt).toBe(true);
    expect(parseCli(['sync', '--once'], {}).sync.adopt).toBe(false);
  });
});
