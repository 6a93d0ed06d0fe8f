/**
 * End to end against both provider mocks over loopback HTTP: the app buys through core's clients and records what
 * it bought; eSIM Access sends its webhooks to the reconciler's receiver through seeded delivery faults; profiles
 * live a month on the manual clock. One sync must then leave the store equal to both mocks, and the report must
 * list exactly the drift worked out from the mock's delivery log and from what the app never recorded.
 */
import type { WebhookFaults } from '@esim-sandbox/emulator';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../src/report/build.js';
import type { Store } from '../src/store/open.js';
import {
  type Drift,
  emittedSince,
  expectedEsimDrifts,
  expectedIroamlyDrifts,
  sortDrifts,
} from './helpers/e2e-expected.js';
import { runScenario, type ScenarioOutcome, syncBoth } from './helpers/e2e-scenario.js';
import { mockEsimView, mockIroamlyView, storeEsimView, storeIroamlyView } from './helpers/e2e-views.js';
import { ESIM_ACCOUNT, IROAMLY_ACCOUNT, worldsClosedAfterEach } from './helpers/e2e-world.js';
import { useStore } from './helpers/store.js';

const getStore = useStore();
const worlds = worldsClosedAfterEach();

async function reportedDrifts(store: Store, accountId: string): Promise<Drift[]> {
  const report = await buildReport(store, { accountId });
  return sortDrifts(
    (report.accounts[0]?.findings.items ?? []).map((f) => [
      f.kind,
      f.subjectType,
      f.subjectId,
      f.field,
      f.storeValue,
      f.providerValue,
    ]),
  );
}

/** Runs the month, then the one sync under test; returns what the oracle expects and what the store reports. */
async function monthThenSync(seed: string, faults: WebhookFaults) {
  const store = getStore();
  const world = await worlds.open(store, seed);
  const outcome: ScenarioOutcome = await runScenario(world, store, faults);
  const deliveries = world.esimControl.webhookDeliveries();
  const events = emittedSince(outcome.baseline, deliveries);
  await syncBoth(world, store);
  const esimState = world.esimControl.state();
  const iroamlyState = world.iroamlyTenant.state;
  return {
    store,
    outcome,
    events,
    esimState,
    expected: {
      esim: expectedEsimDrifts({
        accountId: ESIM_ACCOUNT,
        baseline: outcome.baseline,
        events,
        final: esimState,
        recorded: outcome.recordedAfterBaseline,
      }),
      iroamly: expectedIroamlyDrifts(outcome.iroamlyBaseline, iroamlyState, outcome.iroamlyOrders),
    },
    reported: {
      esim: await reportedDrifts(store, ESIM_ACCOUNT),
      iroamly: await reportedDrifts(store, IROAMLY_ACCOUNT),
    },
    views: {
      store: {
        esim: await storeEsimView(store, ESIM_ACCOUNT),
        iroamly: await storeIroamlyView(store, IROAMLY_ACCOUNT),
      },
      mock: { esim: mockEsimView(esimState), iroamly: mockIroamlyView(iroamlyState, world.iroamlyUrl) },
    },
  };
}

const kinds = (drifts: Drift[]) => [...new Set(drifts.map((d) => d.slice(0, 2).join(' ')))].sort();

/** 30 % of webhooks lost, a fifth sent twice, some held back until the next event, some late by 90 s. */
const LOSSY: WebhookFaults = {
  drop: { probability: 0.3 },
  duplicate: { probability: 0.2 },
  reorder: { probability: 0.15 },
  delay: { ms: 90_000, probability: 0.15 },
};

describe('one sync after a month of lossy webhooks', () => {
  // Each seed is another deterministic pattern of faults (and another generated catalogue).
  it.each(['drift', 'faults', 'april'])(
    'leaves the store equal to both mocks and reports exactly the drift the faults and the app caused (seed %s)',
    async (seed) => {
      const run = await monthThenSync(seed, LOSSY);

      expect(run.views.store).toEqual(run.views.mock);
      expect(run.reported.esim).toEqual(run.expected.esim);
      expect(run.reported.iroamly).toEqual(run.expected.iroamly);

      // The faults did strike, and the drift covers every kind the scenario provokes: the test is not vacuous.
      expect(run.events.filter((e) => !e.delivered).length).toBeGreaterThan(run.events.length / 5);
      expect([...new Set(run.events.flatMap((e) => e.faults))].sort()).toEqual([
        'delay',
        'drop',
        'duplicate',
        'reorder',
      ]);
      expect(kinds(run.expected.esim)).toEqual([
        'balance_mismatch balance',
        'missed_webhook order',
        'missed_webhook profile',
        'unknown_to_us order',
        'unknown_to_us profile',
        'usage_mismatch profile',
      ]);
      expect(kinds(run.expected.iroamly)).toEqual([
        'status_mismatch redeem_code',
        'unknown_to_us redeem_code',
      ]);
    },
  );

  it('without webhook faults reports only what no webhook could have told', async () => {
    const run = await monthThenSync('month', {});
    const { outcome, esimState } = run;

    expect(run.events.every((e) => e.delivered && e.faults.length === 0)).toBe(true);
    expect(run.views.store).toEqual(run.views.mock);
    const betweenThresholds = esimState.profiles[outcome.betweenThresholds]!;
    const unrecorded = outcome.unrecordedOrders.map((orderNo) => esimState.orders[orderNo]!);
    const unrecordedSpend = unrecorded.reduce((sum, order) => sum + order.amount, 0);
    const balanceBefore = esimState.balance - outcome.balanceAdjustment + unrecordedSpend;
    expect(run.reported.esim).toEqual(
      sortDrifts([
        // Usage is only notified at 50/80/90 %: 30 % is news only a sync brings.
        [
          'usage_mismatch',
          'profile',
          outcome.betweenThresholds,
          'orderUsage',
          '0',
          String(betweenThresholds.orderUsage),
        ],
        // Allocation webhooks make orders known, never their profiles: those of the order bought outside the app,
        // and the app's own that nothing happened to since.
        ...[...unrecorded.flatMap((order) => order.esimTranNos), ...outcome.untouched].map(
          (id): Drift => ['unknown_to_us', 'profile', id, '*', null, 'GOT_RESOURCE/RELEASED'],
        ),
        // Money the ledger never saw: the back office's adjustment, less the unrecorded orders.
        [
          'balance_mismatch',
          'balance',
          ESIM_ACCOUNT,
          'balance',
          String(balanceBefore),
          String(esimState.balance),
        ],
      ]),
    );
    expect(run.reported.esim).toEqual(run.expected.esim);
    expect(run.reported.iroamly).toEqual(run.expected.iroamly);
  });
});
