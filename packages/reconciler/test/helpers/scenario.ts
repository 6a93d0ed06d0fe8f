/** One provider state and one app history, built the same way every time, for end-state comparisons. */

import { recordOrder } from '../../src/records/record-order.js';
import type { Store } from '../../src/store/open.js';
import { FakeEsimAccess } from './fake-esimaccess.js';

export const USED_ORDER = 'B25091100000777';

/**
 * 3 orders (one placed by the app): 11 profiles in use (one with data used), one cancelled, two new; 6 provider
 * calls at page size 5 (3 pages, 2 usage batches: only profiles in use are asked, 1 balance).
 */
export function scenarioProvider(): FakeEsimAccess {
  const fake = new FakeEsimAccess();
  const inUse = [...fake.addOrder(6), ...fake.addOrder(5, { orderNo: USED_ORDER })];
  const [cancelled] = fake.addOrder(3);
  for (const p of inUse)
    Object.assign(fake.profile(p.esimTranNo), { esimStatus: 'IN_USE', smdpStatus: 'ENABLED' });
  fake.profile(inUse[6]!.esimTranNo).orderUsage = 1234;
  Object.assign(fake.profile(cancelled!.esimTranNo), { esimStatus: 'CANCEL' });
  fake.balance = 400_000;
  return fake;
}

export const SCENARIO_CALLS = 6;

export async function scenarioHistory(store: Store): Promise<void> {
  await recordOrder(store, {
    accountId: 'esimaccess',
    provider: 'esimaccess',
    orderNo: USED_ORDER,
    amount: 75_000,
    lines: [{ packageCode: 'JC016', count: 5, price: 15_000 }],
  });
}
