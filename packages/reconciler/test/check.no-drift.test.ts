/**
 * `expectNoDriftAfterSync`: one sync, then a check sync that must find nothing. Against the msw fake, so each
 * outcome is set up exactly: drift one sync corrects passes; drift that outlives a sync is thrown, listed.
 */
import { describe, expect, it } from 'vitest';
import { DriftRemainsError, expectNoDriftAfterSync } from '../src/index.js';
import { recordOrder } from '../src/records/record-order.js';
import { esimAccessClient } from './helpers/sync.js';
import { useFakeEsimAccess } from './helpers/use-fake-esimaccess.js';

const { getStore, fake } = useFakeEsimAccess();
const target = () =>
  ({ provider: 'esimaccess', accountId: 'esimaccess', client: esimAccessClient() }) as const;

describe('expectNoDriftAfterSync', () => {
  it('resolves with the first sync’s findings when that sync corrected everything', async () => {
    fake().addOrder(2);
    const settled: string[] = [];
    const result = await expectNoDriftAfterSync(getStore(), target(), {
      settle: async () => void settled.push('settled'),
    });
    expect(result.findings).toMatchObject({ unknown_to_us: 3 });
    // Before each of the two syncs.
    expect(settled).toEqual(['settled', 'settled']);
  });

  it('throws DriftRemainsError naming what a second sync still found', async () => {
    fake().addOrder(1);
    await recordOrder(getStore(), {
      accountId: 'esimaccess',
      provider: 'esimaccess',
      orderNo: 'B99999999999',
      transactionId: 'txn-lost',
      amount: 0,
    });
    const error = await expectNoDriftAfterSync(getStore(), target()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DriftRemainsError);
    const { findings, message, code } = error as DriftRemainsError;
    expect(code).toBe('DRIFT_REMAINS');
    expect(findings.map((f) => [f.kind, f.subjectType, f.subjectId])).toEqual([
      ['missing_at_provider', 'order', 'B99999999999'],
    ]);
    expect(message).toBe(
      'account esimaccess: a sync right after the first found 1 drift:\n  missing_at_provider order B99999999999 *: store PENDING, provider -',
    );
  });
});
