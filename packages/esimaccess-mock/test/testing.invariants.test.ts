import { describe, expect, test } from 'vitest';
import { placeOrder } from '../src/ops/order.js';
import { setBalance } from '../src/state/money.js';
import type { EsimAccessAccountState } from '../src/state/types.js';
import {
  expectOrdersChargedOnce,
  expectOrdersHaveProfiles,
  notifyIdViolations,
  orderChargeViolations,
  orderProfileViolations,
} from '../src/testing/index.js';
import { basePackage, START, world } from './builders.js';

const pkg = basePackage();

/** An account after a clean run: an adjustment, an order of 2 eSIMs and one of 1, both allocated. */
function cleanRun(): { state: EsimAccessAccountState; orderNos: string[] } {
  const w = world({ balance: 50 * pkg.price });
  setBalance(w.state, 40 * pkg.price, START);
  const orderNos = [2, 1].map(
    (count, i) =>
      w.ok((ctx) =>
        placeOrder(ctx, {
          transactionId: `txn-${i}`,
          packageInfoList: [{ packageCode: pkg.packageCode, count }],
        }),
      ).orderNo,
  );
  w.advance(60_000);
  return { state: structuredClone(w.state), orderNos };
}

type Break = (state: EsimAccessAccountState, orderNos: string[]) => void;

describe('no eSIM Access order charged twice', () => {
  test.each<{ name: string; breaks: Break; rules: string[] }>([
    { name: 'a clean run', breaks: () => {}, rules: [] },
    {
      name: 'an order debited twice',
      breaks: (s, [a]) => {
        const debit = s.ledger.find((e) => e.ref === a)!;
        s.ledger.push({ ...debit });
        s.balance += debit.amount;
      },
      rules: ['charged', 'balance'],
    },
    {
      name: 'a balance that does not add up',
      breaks: (s) => {
        s.balance -= 1;
      },
      rules: ['balance'],
    },
    {
      name: 'a second order under the same transactionId',
      breaks: (s, [a]) => {
        const copy = { ...s.orders[a!]!, orderNo: 'B26010199990001' };
        s.orders[copy.orderNo] = copy;
        s.ledger.push({
          at: START,
          kind: 'order',
          amount: -copy.amount,
          balance: s.balance - copy.amount,
          ref: copy.orderNo,
        });
        s.balance -= copy.amount;
      },
      rules: ['charged', 'unknown-order'],
    },
  ])('$name', ({ breaks, rules }) => {
    const { state, orderNos } = cleanRun();
    breaks(state, orderNos);
    expect(orderChargeViolations(state, { orderNos }).map((v) => v.rule)).toEqual(rules);
  });

  test('an order the app does not know (bought again after a lost answer) is named', () => {
    const { state, orderNos } = cleanRun();
    const found = orderChargeViolations(state, { orderNos: orderNos.slice(0, 1) });
    expect(found).toEqual([
      {
        rule: 'unknown-order',
        message: `order ${orderNos[1]} (transactionId txn-1) was paid for but the app does not know it`,
      },
    ]);
    expect(() => expectOrdersChargedOnce(state, { orderNos: orderNos.slice(0, 1) })).toThrow(
      /no eSIM Access order charged twice: 1 violation\(s\)\n {2}- order B\d+ \(transactionId txn-1\)/,
    );
    expect(() => expectOrdersChargedOnce(state, { orderNos })).not.toThrow();
  });
});

describe('every eSIM Access order has its profiles', () => {
  test.each<{ name: string; breaks: Break; messages: RegExp[] }>([
    { name: 'a clean run', breaks: () => {}, messages: [] },
    {
      name: 'a profile missing from an order of 2',
      breaks: (s, [a]) => {
        delete s.profiles[s.orders[a!]!.esimTranNos[1]!];
      },
      messages: [/^order B\d+ has 1 profile\(s\), its packageInfoList asked for 2$/],
    },
    {
      name: 'an order still allocating',
      breaks: (s, [, b]) => {
        s.orders[b!]!.status = 'GETTING_RESOURCE';
      },
      messages: [/^order B\d+ is still GETTING_RESOURCE/],
    },
  ])('$name', ({ breaks, messages }) => {
    const { state, orderNos } = cleanRun();
    breaks(state, orderNos);
    const found = orderProfileViolations(state).map((v) => v.message);
    expect(found).toHaveLength(messages.length);
    for (const [i, m] of messages.entries()) expect(found[i]).toMatch(m);
    if (messages.length === 0) expect(() => expectOrdersHaveProfiles(state)).not.toThrow();
    else expect(() => expectOrdersHaveProfiles(state)).toThrow(`  - ${found[0]}`);
  });
});

test('webhooks are checked per notifyId, and the CHECK_HEALTH URL test is not an event to apply', () => {
  const delivered = (eventId: string, type: string) => ({
    id: `whd_${eventId}`,
    eventId,
    type,
    url: 'http://127.0.0.1:1/hook',
    payload: {},
    state: 'delivered' as const,
    createdAt: 0,
    attempts: [{ at: 0, status: 200, durationMs: 1 }],
  });
  const deliveries = [delivered('h', 'CHECK_HEALTH'), delivered('n1', 'ORDER_STATUS')];
  expect(notifyIdViolations(deliveries, ['n1'])).toEqual([]);
  expect(notifyIdViolations(deliveries, [])).toEqual([
    { rule: 'not-applied', message: 'notifyId n1 (ORDER_STATUS) was delivered (2xx) but never applied' },
  ]);
});
