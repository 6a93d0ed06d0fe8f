/**
 * The spend guard on the live target, with a mock standing in for the provider behind a fake fetch: without
 * --allow-spend nothing that spends is sent; with it, only what fits under the cap.
 */
import { describe, expect, it } from 'vitest';
import { esimAccessSuite } from '../src/checks/esimaccess.js';
import { cheapest } from '../src/checks/esimaccess-orders.js';
import { runContract } from '../src/contract.js';
import { runSuite, spendRefusal } from '../src/runner/run.js';
import type { CheckResult, RunReport } from '../src/runner/types.js';
import { createEsimAccessTarget } from '../src/targets/esimaccess.js';
import { fakeEsimAccess, fakeIroamly } from './support.js';

const byId = (report: RunReport) => new Map(report.results.map((r) => [r.id, r] as const));
const statusOf = (report: RunReport, id: string): CheckResult | undefined => byId(report).get(id);
const ORDER_PATH = '/api/v1/open/esim/order';

describe('spendRefusal', () => {
  it.each([
    ['a mock, whatever it costs', { amount: 9_999 }, false, {}, 0, undefined],
    ['live, a check that costs nothing', { amount: 0 }, true, {}, 0, undefined],
    ['live without --allow-spend', { amount: 100 }, true, {}, 0, /spends up to 100 u; not run against live/],
    [
      'live, irreversible without --allow-spend',
      { amount: 0, irreversible: true },
      true,
      {},
      0,
      /cannot be undone/,
    ],
    ['live, within the cap', { amount: 100 }, true, { allowSpend: true, spendCap: 150 }, 50, undefined],
    [
      'live, over the cap',
      { amount: 100 },
      true,
      { allowSpend: true, spendCap: 150 },
      60,
      /only 90 of the cap 150/,
    ],
  ])('%s', (_, plan, realMoney, options, spent, refusal) => {
    const reason = spendRefusal(plan, realMoney, options, spent, 'u');
    if (refusal === undefined) expect(reason).toBeUndefined();
    else expect(reason).toMatch(refusal);
  });
});

describe('eSIM Access live run against a fake provider', () => {
  it('without --allow-spend runs the free checks and sends no order that could succeed', async () => {
    const fake = fakeEsimAccess();
    const before = fake.mock.control.account().state().balance;
    const report = await runContract('esimaccess', 'live', { target: { env: fake.env, fetch: fake.fetch } });
    expect(statusOf(report, 'order.buy')).toMatchObject({
      status: 'skip',
      reason: expect.stringContaining('--allow-spend'),
    });
    expect(statusOf(report, 'order.cancel-refund')?.status).toBe('skip');
    expect(statusOf(report, 'order.unknown-package')?.status).toBe('pass');
    expect(statusOf(report, 'auth.wrong-signature')?.status).toBe('pass');
    // The only order sent is the one for a package that does not exist.
    expect(fake.requests.filter((r) => r.path === ORDER_PATH)).toHaveLength(1);
    expect(Object.keys(fake.mock.control.account().state().orders)).toEqual([]);
    expect(fake.mock.control.account().state().balance).toBe(before);
    expect(report.spent).toBe(0);
    await fake.mock.close();
  });

  it('with a cap below the cheapest package skips the purchase and says why', async () => {
    const fake = fakeEsimAccess();
    const price = cheapest(
      fake.mock.catalog.catalog.packages.filter((p) => !p.packageCode.startsWith('TOPUP_')),
    )!.price;
    const report = await runContract('esimaccess', 'live', {
      allowSpend: true,
      spendCap: price - 1,
      target: { env: fake.env, fetch: fake.fetch },
    });
    expect(statusOf(report, 'order.buy')).toMatchObject({
      status: 'skip',
      reason: `would spend up to ${price} 1/10,000 USD, but only ${price - 1} of the cap ${price - 1} is left`,
    });
    expect(Object.keys(fake.mock.control.account().state().orders)).toEqual([]);
    await fake.mock.close();
  });

  it('with --allow-spend and room under the cap buys one profile, then cancels it for a refund', async () => {
    const fake = fakeEsimAccess();
    const before = fake.mock.control.account().state().balance;
    const report = await runContract('esimaccess', 'live', {
      allowSpend: true,
      spendCap: 1_000_000,
      target: { env: fake.env, fetch: fake.fetch },
    });
    expect(statusOf(report, 'order.buy')).toMatchObject({
      status: 'pass',
      note: expect.stringMatching(/^1 x /),
    });
    expect(statusOf(report, 'order.cancel-refund')?.status).toBe('pass');
    expect(report.spent).toBeLessThanOrEqual(1_000_000);
    expect(report.spendCap).toBe(1_000_000);
    expect(Object.keys(fake.mock.control.account().state().orders)).toHaveLength(1);
    expect(fake.mock.control.account().state().balance).toBe(before);
    await fake.mock.close();
  });

  it('refuses, before sending, a spending request from a check that declared no spend', async () => {
    const fake = fakeEsimAccess();
    const target = await createEsimAccessTarget('live', { env: fake.env, fetch: fake.fetch });
    if ('skipped' in target) throw new Error(target.skipped);
    const sneaky = {
      id: 'sneaky.order',
      title: 'A check that orders without declaring it',
      run: async (ctx: Parameters<(typeof esimAccessSuite.checks)[number]['run']>[0]) => {
        await ctx.client.order({
          transactionId: 'sneaky-1',
          packageInfoList: [{ packageCode: 'X', count: 1 }],
        });
        return { facts: {} };
      },
    };
    const report = await runSuite({ ...esimAccessSuite, checks: [sneaky] }, target);
    expect(report.results[0]).toMatchObject({
      status: 'error',
      reason: expect.stringMatching(/^SPEND_BLOCKED: /),
    });
    expect(fake.requests).toEqual([]);
    await fake.mock.close();
  });
});

describe('iRoamly live run against a fake provider', () => {
  it('without --allow-spend buys nothing', async () => {
    const fake = fakeIroamly();
    const report = await runContract('iroamly', 'live', { target: { env: fake.env, fetch: fake.fetch } });
    expect(statusOf(report, 'purchase.buy')?.status).toBe('skip');
    expect(statusOf(report, 'redeem.flow')?.status).toBe('skip');
    expect(fake.requests.filter((r) => r.path === '/openapi/purchaseCode')).toHaveLength(1);
    expect(fake.mock.control.account().balance()).toBe(100_000);
    await fake.mock.close();
  });

  it('with --allow-spend but no --email skips the purchase: the provider mails the codes', async () => {
    const fake = fakeIroamly();
    const report = await runContract('iroamly', 'live', {
      allowSpend: true,
      spendCap: 100_000,
      target: { env: fake.env, fetch: fake.fetch },
    });
    expect(statusOf(report, 'purchase.buy')).toMatchObject({
      status: 'skip',
      reason: expect.stringContaining('--email'),
    });
    await fake.mock.close();
  });

  it('with --allow-spend, a cap and an email buys and redeems one code', async () => {
    const fake = fakeIroamly();
    const report = await runContract('iroamly', 'live', {
      allowSpend: true,
      spendCap: 100_000,
      email: 'me@shop.test',
      target: { env: fake.env, fetch: fake.fetch },
    });
    expect(statusOf(report, 'purchase.buy')?.status).toBe('pass');
    expect(statusOf(report, 'redeem.flow')?.status).toBe('pass');
    expect(fake.mock.control.account().outbox('me@shop.test').length).toBeGreaterThan(0);
    await fake.mock.close();
  });
});
