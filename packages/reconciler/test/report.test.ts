import { beforeEach, describe, expect, it } from 'vitest';
import { recordOrder } from '../src/records/record-order.js';
import { recordDeposit } from '../src/records/records.js';
import { buildReport } from '../src/report/build.js';
import { formatMoney, formatReport } from '../src/report/format.js';
import { syncAccount } from '../src/sync/engine.js';
import { esimAccessHandlers, FakeEsimAccess } from './helpers/fake-esimaccess.js';
import { FakeIroamly, iroamlyHandlers } from './helpers/fake-iroamly.js';
import { useMsw } from './helpers/msw.js';
import { useStore } from './helpers/store.js';
import { esimAccessClient, iroamlyClient } from './helpers/sync.js';

const getStore = useStore();
const use = useMsw();
let esim: FakeEsimAccess;
let iroamly: FakeIroamly;

beforeEach(() => {
  esim = new FakeEsimAccess();
  iroamly = new FakeIroamly();
  use(...esimAccessHandlers(esim), ...iroamlyHandlers(iroamly));
});

const syncEsim = (options = {}) =>
  syncAccount(
    getStore(),
    { provider: 'esimaccess', accountId: 'esimaccess', client: esimAccessClient() },
    options,
  );

describe('the report', () => {
  it.each([
    [984_500, 'USD/10000', '98.4500 USD'],
    [-15_000, 'USD/10000', '-1.5000 USD'],
    [1_234_567_890, 'USD/10000', '123,456.7890 USD'],
    [42, 'points', '42 points'],
  ])('writes %i %s as %s', (amount, unit, text) => {
    expect(formatMoney(amount, unit)).toBe(text);
  });

  it('lists the latest sync of each account with its findings, balance and counts', async () => {
    const [p] = esim.addOrder(2);
    esim.balance = 500_000;
    await syncEsim();
    Object.assign(esim.profile(p!.esimTranNo), { esimStatus: 'IN_USE', smdpStatus: 'ENABLED' });
    await syncEsim();
    const report = await buildReport(getStore());
    expect(report.accounts).toHaveLength(1);
    const [account] = report.accounts;
    expect(account).toMatchObject({
      id: 'esimaccess',
      provider: 'esimaccess',
      balance: { ledger: 500_000, provider: 500_000, source: 'provider' },
      counts: { orders: 1, profiles: 2, missingAtProvider: 0 },
      lastRun: { id: 2, status: 'completed' },
    });
    expect(account!.findings.items.map((f) => [f.kind, f.subjectId, f.storeValue, f.providerValue])).toEqual([
      ['missed_webhook', p!.esimTranNo, 'GOT_RESOURCE/RELEASED', 'IN_USE/ENABLED'],
    ]);
    const text = formatReport(report);
    expect(text).toContain('eSIM Access account "esimaccess"');
    expect(text).toContain('balance: provider 50.0000 USD, ledger 50.0000 USD');
    expect(text).toMatch(
      /missed_webhook\s+profile \d+\s+state\s+GOT_RESOURCE\/RELEASED\s+IN_USE\/ENABLED\s+corrected/,
    );
    expect(text).toContain('missed_webhook       the provider moved on');
  });

  it('includes the findings of an interrupted run that the latest sync resumed', async () => {
    esim.addOrder(12);
    const controller = new AbortController();
    esim.onRequest = (_r, n) => {
      if (n === 2) controller.abort();
    };
    await expect(syncEsim({ pageSize: 5, signal: controller.signal })).rejects.toThrow();
    esim.onRequest = undefined;
    await syncEsim({ pageSize: 5 });
    const [account] = (await buildReport(getStore())).accounts;
    expect(account!.findings.byKind.unknown_to_us).toBe(13);
  });

  it('says that the iRoamly balance comes from the ledger', async () => {
    const { orderId } = iroamly.addOrder([0, 2]);
    await recordDeposit(getStore(), {
      accountId: 'iroamly',
      provider: 'iroamly',
      depositId: 'wire-1',
      amount: 1_000_000,
    });
    await recordOrder(getStore(), {
      accountId: 'iroamly',
      provider: 'iroamly',
      orderNo: orderId,
      amount: 250_000,
    });
    await syncAccount(getStore(), { provider: 'iroamly', accountId: 'iroamly', client: iroamlyClient() });
    const report = await buildReport(getStore(), { accountId: 'iroamly' });
    expect(report.accounts[0]).toMatchObject({
      balance: { ledger: 750_000, provider: null, source: 'ledger' },
      counts: { orders: 1, redeemCodes: 2 },
    });
    expect(formatReport(report)).toContain(
      'balance: 75.0000 credit from the ledger (iRoamly has no balance endpoint: this is the ledger',
    );
  });

  it('says so when there is nothing to report yet', async () => {
    expect(formatReport(await buildReport(getStore()))).toContain('No accounts yet');
  });
});
