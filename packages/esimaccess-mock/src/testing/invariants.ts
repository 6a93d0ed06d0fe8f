/**
 * Invariants a reseller asserts after a run, read from the account's own state (`account.state()`) and delivery log:
 * no order charged twice, every allocated order has its profiles, every webhook applied once per `notifyId`.
 * @module
 */
import type { WebhookDelivery } from '@esim-sandbox/emulator';
import {
  type InvariantViolation,
  throwIfViolated,
  webhookApplicationViolations,
} from '@esim-sandbox/emulator/testing';
import type { EsimAccessAccountState } from '../state/types.js';

export interface OrderChargeOptions {
  /** The orderNos the app knows it bought: any other order on the account was bought without it knowing. */
  orderNos?: readonly string[];
}

const count = <T>(items: readonly T[], key: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

/**
 * Each order (and so each transactionId) debited exactly once for what it cost, each top-up once, and the balance
 * equal to the start balance minus orders and top-ups plus refunds and adjustments (from the account's ledger).
 */
export function orderChargeViolations(
  state: EsimAccessAccountState,
  options: OrderChargeOptions = {},
): InvariantViolation[] {
  const violations: InvariantViolation[] = [];
  const add = (rule: string, message: string) => violations.push({ rule, message });
  const orders = Object.values(state.orders);
  const debits = count(
    state.ledger.filter((e) => e.kind === 'order'),
    (e) => e.ref,
  );
  for (const order of orders) {
    const n = debits.get(order.orderNo) ?? 0;
    if (n !== 1)
      add('charged', `order ${order.orderNo} (transactionId ${order.transactionId}) debited ${n} times`);
    const charged = state.ledger.find((e) => e.kind === 'order' && e.ref === order.orderNo);
    if (charged && charged.amount !== -order.amount) {
      add('charged', `order ${order.orderNo} debited ${-charged.amount}, but it cost ${order.amount}`);
    }
  }
  for (const ref of debits.keys()) {
    if (!state.orders[ref]) add('charged', `a debit for order ${ref}, which the account does not have`);
  }
  for (const [transactionId, n] of count(orders, (o) => o.transactionId)) {
    if (n > 1) add('charged', `transactionId ${transactionId} bought ${n} orders`);
  }
  const topUpDebits = count(
    state.ledger.filter((e) => e.kind === 'topup'),
    (e) => e.ref,
  );
  for (const topUp of Object.values(state.topUps)) {
    const n = topUpDebits.get(topUp.result.topUpEsimTranNo ?? '') ?? 0;
    if (n !== 1) add('charged', `top-up ${topUp.transactionId} debited ${n} times`);
  }
  const first = state.ledger[0];
  const start = first ? first.balance - first.amount : state.balance;
  const sum = (kind: string) =>
    state.ledger.filter((e) => e.kind === kind).reduce((total, e) => total + e.amount, 0);
  const spent =
    orders.reduce((total, o) => total + o.amount, 0) +
    Object.values(state.topUps).reduce((total, t) => total + t.amount, 0);
  const expected = start - spent + sum('refund') + sum('adjust');
  if (state.balance !== expected) {
    add(
      'balance',
      `balance ${state.balance}, expected ${expected} (start ${start} - spent ${spent} + refunds/adjustments)`,
    );
  }
  if (options.orderNos) {
    const known = new Set(options.orderNos);
    for (const order of orders) {
      if (!known.has(order.orderNo)) {
        add(
          'unknown-order',
          `order ${order.orderNo} (transactionId ${order.transactionId}) was paid for but the app does not know it`,
        );
      }
    }
  }
  return violations;
}

/** Every order allocated, with exactly the profiles its packageInfoList asked for, each naming the order. */
export function orderProfileViolations(state: EsimAccessAccountState): InvariantViolation[] {
  const violations: InvariantViolation[] = [];
  for (const order of Object.values(state.orders)) {
    const wanted = order.items.reduce((n, item) => n + item.count, 0);
    if (order.status !== 'GOT_RESOURCE') {
      violations.push({
        rule: 'profiles',
        message: `order ${order.orderNo} is still ${order.status} (advance the clock past its allocation)`,
      });
      continue;
    }
    const mine = order.esimTranNos.filter((id) => state.profiles[id]?.orderNo === order.orderNo);
    if (mine.length !== wanted || order.esimTranNos.length !== wanted) {
      violations.push({
        rule: 'profiles',
        message: `order ${order.orderNo} has ${mine.length} profile(s), its packageInfoList asked for ${wanted}`,
      });
    }
  }
  return violations;
}

/** Every webhook applied once per notifyId; CHECK_HEALTH (the URL test) is not an event to apply. */
export function notifyIdViolations(
  deliveries: readonly WebhookDelivery[],
  appliedNotifyIds: readonly string[],
): InvariantViolation[] {
  return webhookApplicationViolations(deliveries, appliedNotifyIds, {
    idName: 'notifyId',
    ignoreTypes: ['CHECK_HEALTH'],
  });
}

/**
 * The asserts: each throws an error listing every violation.
 * @example
 * expectOrdersChargedOnce(esim.account.state(), { orderNos: shop.orders.all().map((o) => o.orderNo) });
 * expectOrdersHaveProfiles(esim.account.state());
 * expectNotifyIdsAppliedOnce(esim.account.webhookDeliveries(), shop.orders.appliedEventIds());
 */
export function expectOrdersChargedOnce(state: EsimAccessAccountState, options?: OrderChargeOptions): void {
  throwIfViolated('no eSIM Access order charged twice', orderChargeViolations(state, options));
}

export function expectOrdersHaveProfiles(state: EsimAccessAccountState): void {
  throwIfViolated('every eSIM Access order has its profiles', orderProfileViolations(state));
}

export function expectNotifyIdsAppliedOnce(
  deliveries: readonly WebhookDelivery[],
  appliedNotifyIds: readonly string[],
): void {
  throwIfViolated('every eSIM Access webhook applied once', notifyIdViolations(deliveries, appliedNotifyIds));
}
