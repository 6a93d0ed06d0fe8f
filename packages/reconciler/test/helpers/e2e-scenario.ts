/**
 * One reseller's month, driven through the real clients and the mocks' control handles: orders, a baseline sync,
 * then (with the given webhook faults switched on) installs, data use across 50/80/90/100 %, cancels with refunds,
 * a suspend and an unsuspend, a revoke, expiries on the manual clock, a balance changed in the provider's back
 * office, iRoamly redemptions, and orders the app never recorded. Each lifecycle step is a virtual minute apart,
 * so webhook event times order the steps.
 */
import type { WebhookFaults } from '@esim-sandbox/emulator';
import type { Store } from '../../src/store/open.js';
import { syncAccount } from '../../src/sync/engine.js';
import type { SyncResult } from '../../src/sync/types.js';
import { buyCodes, orderEsims, pickPackages, profilesOf, recordIroamlyOpening } from './e2e-app.js';
import { type EsimBaseline, esimBaseline } from './e2e-expected.js';
import { ESIM_ACCOUNT, IROAMLY_ACCOUNT, type World } from './e2e-world.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export async function syncBoth(world: World, store: Store): Promise<[SyncResult, SyncResult]> {
  await world.receiver.drain();
  return [
    await syncAccount(
      store,
      { provider: 'esimaccess', accountId: ESIM_ACCOUNT, client: world.esimClient },
      { pageSize: 20 },
    ),
    await syncAccount(store, {
      provider: 'iroamly',
      accountId: IROAMLY_ACCOUNT,
      client: world.iroamlyClient,
    }),
  ];
}

export interface ScenarioOutcome {
  baseline: EsimBaseline;
  /** Redeem code → status when the baseline sync ran. */
  iroamlyBaseline: Map<string, number>;
  /** eSIM Access orders the app recorded after the baseline, with what they cost. */
  recordedAfterBaseline: Map<string, number>;
  iroamlyOrders: string[];
  /** The eSIM Access profile whose usage stopped between two thresholds (no DATA_USAGE tells of it). */
  betweenThresholds: string;
  /** Profiles the app bought after the baseline and left alone: no webhook ever names them. */
  untouched: string[];
  /** eSIM Access orders placed outside the app. */
  unrecordedOrders: string[];
  /** What the back office added to the eSIM Access balance. */
  balanceAdjustment: number;
}

export async function runScenario(
  world: World,
  store: Store,
  faults: WebhookFaults,
): Promise<ScenarioOutcome> {
  const esim = world.esimControl;
  const { onInstall, onUse } = await pickPackages(world);

  // Before the faults: the app's first orders, allocated, and one sync so the store starts level.
  const a = await orderEsims(world, store, onInstall, 6);
  const b = await orderEsims(world, store, onUse, 6);
  await esim.advance(5_000);
  await recordIroamlyOpening(world, store);
  const x = await buyCodes(world, store, 3);
  const y = await buyCodes(world, store, 2);
  await syncBoth(world, store);
  const baseline = esimBaseline(esim.state(), esim.webhookDeliveries());
  const iroamlyBaseline = new Map(
    Object.values(world.iroamlyTenant.state.codes).map((c) => [c.redeemCode, c.status as number]),
  );

  esim.tenant.webhooks.setFaults(faults);
  const [a1, a2, a3, a4, a5, a6] = (await profilesOf(world, a.orderNo)) as string[];
  const [b1, b2, b3, b4, b5] = (await profilesOf(world, b.orderNo)) as string[];
  // More orders while webhooks are lossy: the app's own, and some another tool on the account places.
  const recorded = [];
  for (const count of [4, 1, 1, 1]) recorded.push(await orderEsims(world, store, onUse, count));
  const unrecorded = [];
  for (const count of [3, 1, 1]) unrecorded.push(await orderEsims(world, store, onUse, count, false));
  await esim.advance(MINUTE);
  const [c1, c2, c3, c4] = (await profilesOf(world, recorded[0]!.orderNo)) as string[];
  const untouched = [c4!];
  for (const { orderNo } of recorded.slice(1)) untouched.push(...(await profilesOf(world, orderNo)));

  const total = onUse.volume;
  /** Uses data up to exactly `percent` % of the volume: thresholds are crossed, never overshot by rounding. */
  const useUpTo = (id: string, percent: number) => () => {
    const target = Math.ceil((total * percent) / 100);
    esim.addUsage(id, target - esim.profile(id).orderUsage);
  };
  const install = (id: string) => () => esim.installProfile(id);
  const [x1, x2] = world.iroamlyTenant.state.orders[x]!.codes;
  const [y1] = world.iroamlyTenant.state.orders[y]!.codes;
  const redeem = (code: string) => () =>
    world.iroamlyClient.redeemQrCode({ email: 'traveller@example.test', codeList: [{ redeemCode: code! }] });
  const balanceAdjustment = 250_000;
  let iroamlyOrder = '';

  const steps: (() => unknown)[] = [
    install(a1!),
    install(a2!),
    install(a3!),
    install(a4!),
    install(b1!),
    install(b2!),
    install(b3!),
    install(b4!),
    install(c1!),
    useUpTo(b1!, 50),
    useUpTo(b1!, 80),
    useUpTo(b1!, 90),
    useUpTo(b1!, 100),
    useUpTo(b2!, 50),
    useUpTo(b3!, 30),
    useUpTo(c1!, 80),
    () => world.esimClient.cancel({ esimTranNo: a5! }),
    () => world.esimClient.cancel({ esimTranNo: b5! }),
    () => world.esimClient.cancel({ esimTranNo: c2! }),
    () => world.esimClient.suspend({ esimTranNo: a2! }),
    () => world.esimClient.suspend({ esimTranNo: b2! }),
    () => world.esimClient.unsuspend({ esimTranNo: b2! }),
    () => world.esimClient.revoke({ esimTranNo: c3! }),
    () => esim.expireProfile(a6!),
    () => esim.expireProfile(b4!),
    redeem(x1!),
    () => world.iroamly.control.account().advance(MINUTE),
    () => world.iroamly.control.account().failNextRedemption({ count: 1 }),
    redeem(x2!),
    () => world.iroamly.control.account().advance(MINUTE),
    async () => {
      iroamlyOrder = await buyCodes(world, store, 2);
    },
    // Left redeeming: the sync finds status 1.
    redeem(y1!),
    // A week on: the 7-day profiles activated on install run out (the suspended one too), after a warning.
    () => esim.advance(8 * DAY),
    () => esim.setBalance(esim.state().balance + balanceAdjustment),
  ];
  for (const step of steps) {
    await step();
    await esim.advance(MINUTE);
  }
  // Long enough for every delayed first attempt.
  await esim.advance(10 * MINUTE);
  return {
    baseline,
    iroamlyBaseline,
    recordedAfterBaseline: new Map(recorded.map((o) => [o.orderNo, o.amount])),
    iroamlyOrders: [x, y, iroamlyOrder],
    betweenThresholds: b3!,
    untouched,
    unrecordedOrders: unrecorded.map((o) => o.orderNo),
    balanceAdjustment,
  };
}
