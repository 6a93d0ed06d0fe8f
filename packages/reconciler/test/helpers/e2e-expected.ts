/**
 * The drift a sync must report, worked out from the outside: what the store was told (the baseline it synced,
 * what the app recorded, the webhooks the mock's delivery log shows as delivered) against what the mocks hold.
 * It shares no code with the reconciler's comparison. Its model of the store is deliberately simple:
 * - a profile's state is the one carried by its last-emitted state event that got delivered (the scenario spaces
 *   lifecycle steps a minute apart, so event times order them; within a step every move is forward), else the
 *   state the baseline sync saw, else unknown;
 * - usage is the highest value any delivered event carried (or the baseline's);
 * - an order is allocated once any event about it or its profiles got through.
 * A drift kind follows: a state or usage the store lacks is news it missed; the store is never ahead.
 */
import type { EsimAccessWebhookPayload } from '@esim-sandbox/core';
import type { WebhookDelivery } from '@esim-sandbox/emulator';
import type { EsimAccessAccountState, ProfileRecord } from '@esim-sandbox/esimaccess-mock';
import type { AccountState as IroamlyState } from '@esim-sandbox/iroamly-mock';

/** `[kind, subjectType, subjectId, field, storeValue, providerValue]`, values as the report prints them. */
export type Drift = [string, string, string, string, string | null, string | null];

export const sortDrifts = (drifts: Drift[]): Drift[] =>
  [...drifts].sort((a, b) => a.join('|').localeCompare(b.join('|')));

const text = (value: string | number | null | undefined): string | null =>
  value === null || value === undefined ? null : String(value);
const stateOf = (p: { esimStatus: string; smdpStatus: string }) => `${p.esimStatus}/${p.smdpStatus}`;

/** What the store held for eSIM Access right after the baseline sync (it equals the mock then). */
export interface EsimBaseline {
  profiles: Map<string, { state: string; orderUsage: number; totalVolume: number }>;
  orders: Set<string>;
  balance: number;
  /** Deliveries already in the log at the baseline: they happened before it. */
  deliveryIds: Set<string>;
}

export function esimBaseline(state: EsimAccessAccountState, deliveries: WebhookDelivery[]): EsimBaseline {
  return {
    profiles: new Map(
      Object.values(state.profiles).map((p) => [
        p.esimTranNo,
        { state: stateOf(p), orderUsage: p.orderUsage, totalVolume: p.totalVolume },
      ]),
    ),
    orders: new Set(Object.keys(state.orders)),
    balance: state.balance,
    deliveryIds: new Set(deliveries.map((d) => d.id)),
  };
}

/** One event the provider emitted after the baseline, in emission order, and whether any copy arrived. */
export interface EmittedEvent {
  payload: EsimAccessWebhookPayload;
  delivered: boolean;
  /** Every fault the engine applied to any copy. */
  faults: string[];
}

export function emittedSince(baseline: EsimBaseline, deliveries: WebhookDelivery[]): EmittedEvent[] {
  const byEvent = new Map<string, EmittedEvent>();
  for (const d of deliveries) {
    if (baseline.deliveryIds.has(d.id)) continue;
    const event = byEvent.get(d.eventId) ?? {
      payload: d.payload as EsimAccessWebhookPayload,
      delivered: false,
      faults: [],
    };
    event.delivered ||= d.state === 'delivered';
    event.faults.push(...(d.faults ?? []));
    byEvent.set(d.eventId, event);
  }
  return [...byEvent.values()];
}

interface Belief {
  /** A row exists in the store. */
  known: boolean;
  state: string | null;
  orderUsage: number | null;
  totalVolume: number | null;
}

const maxOf = (a: number | null, b: number | undefined | null) =>
  b === undefined || b === null ? a : a === null ? b : Math.max(a, b);

function beliefs(baseline: EsimBaseline, events: EmittedEvent[]) {
  const profiles = new Map<string, Belief>();
  const allocatedOrders = new Set<string>();
  for (const [id, p] of baseline.profiles) profiles.set(id, { known: true, ...p });
  for (const { payload, delivered } of events) {
    if (!delivered) continue;
    if (payload.notifyType === 'ORDER_STATUS') allocatedOrders.add(payload.content.orderNo);
    if (
      payload.notifyType !== 'SMDP_EVENT' &&
      payload.notifyType !== 'ESIM_STATUS' &&
      payload.notifyType !== 'DATA_USAGE'
    )
      continue;
    const c = payload.content;
    allocatedOrders.add(c.orderNo);
    const belief = profiles.get(c.esimTranNo) ?? {
      known: true,
      state: null,
      orderUsage: null,
      totalVolume: null,
    };
    if (payload.notifyType !== 'DATA_USAGE') belief.state = stateOf(payload.content);
    if (payload.notifyType !== 'SMDP_EVENT') {
      belief.orderUsage = maxOf(belief.orderUsage, payload.content.orderUsage);
      belief.totalVolume = maxOf(belief.totalVolume, payload.content.totalVolume);
    }
    profiles.set(c.esimTranNo, belief);
  }
  return { profiles, allocatedOrders };
}

export interface EsimExpectation {
  accountId: string;
  baseline: EsimBaseline;
  events: EmittedEvent[];
  final: EsimAccessAccountState;
  /** Orders the app recorded after the baseline (with their amount), each stored as PENDING. */
  recorded: Map<string, number>;
}

/** Refunded by the reconciler: a profile cancelled since the baseline, in an order the app recorded with prices. */
function refunds(x: EsimExpectation, p: ProfileRecord): number {
  const before = x.baseline.profiles.get(p.esimTranNo)?.state;
  const recorded = x.baseline.orders.has(p.orderNo) || x.recorded.has(p.orderNo);
  return p.esimStatus === 'CANCEL' && !before?.startsWith('CANCEL/') && recorded ? p.price : 0;
}

export function expectedEsimDrifts(x: EsimExpectation): Drift[] {
  const { profiles, allocatedOrders } = beliefs(x.baseline, x.events);
  const drifts: Drift[] = [];
  for (const order of Object.values(x.final.orders)) {
    if (x.baseline.orders.has(order.orderNo) || allocatedOrders.has(order.orderNo)) continue;
    drifts.push(
      x.recorded.has(order.orderNo)
        ? ['missed_webhook', 'order', order.orderNo, 'status', 'PENDING', 'GOT_RESOURCE']
        : ['unknown_to_us', 'order', order.orderNo, '*', null, 'GOT_RESOURCE'],
    );
  }
  for (const p of Object.values(x.final.profiles)) {
    const belief = profiles.get(p.esimTranNo);
    const actual = stateOf(p);
    if (!belief) {
      drifts.push(['unknown_to_us', 'profile', p.esimTranNo, '*', null, actual]);
      continue;
    }
    if (belief.state !== actual)
      drifts.push(['missed_webhook', 'profile', p.esimTranNo, 'state', belief.state, actual]);
    for (const [field, stored, provided] of [
      ['orderUsage', belief.orderUsage, p.orderUsage],
      ['totalVolume', belief.totalVolume, p.totalVolume],
    ] as const) {
      // Unknown and zero are the same belief.
      if (stored !== provided && !(stored === null && provided === 0))
        drifts.push(['usage_mismatch', 'profile', p.esimTranNo, field, text(stored), text(provided)]);
    }
  }
  const spent = [...x.recorded.values()].reduce((sum, amount) => sum + amount, 0);
  const refunded = Object.values(x.final.profiles).reduce((sum, p) => sum + refunds(x, p), 0);
  const ledger = x.baseline.balance - spent + refunded;
  if (ledger !== x.final.balance)
    drifts.push(['balance_mismatch', 'balance', x.accountId, 'balance', text(ledger), text(x.final.balance)]);
  return sortDrifts(drifts);
}

/** iRoamly sends no webhooks: every code status that moved since the baseline is reported as a mismatch. */
export function expectedIroamlyDrifts(
  baseline: ReadonlyMap<string, number>,
  final: IroamlyState,
  recordedOrders: readonly string[],
): Drift[] {
  const drifts: Drift[] = [];
  for (const orderId of recordedOrders) {
    for (const redeemCode of final.orders[orderId]?.codes ?? []) {
      const status = final.codes[redeemCode]!.status;
      const before = baseline.get(redeemCode);
      if (before === undefined)
        drifts.push(['unknown_to_us', 'redeem_code', redeemCode, '*', null, text(status)]);
      else if (before !== status)
        drifts.push(['status_mismatch', 'redeem_code', redeemCode, 'status', text(before), text(status)]);
    }
  }
  return sortDrifts(drifts);
}
