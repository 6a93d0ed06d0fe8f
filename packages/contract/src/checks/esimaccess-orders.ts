/**
 * eSIM Access checks around orders and profiles. Refused orders and unknown ids spend nothing; `order.buy` and
 * `order.cancel-refund` spend (or cannot be undone), so on live they need --allow-spend and a cap. Pagination and
 * usage read whatever profiles the account has: the ones just bought, or on live existing ones.
 * @module
 */
import type { EsimAccessPackage } from '@esim-sandbox/core';
import { CheckSkipped } from '../errors.js';
import type { Check } from '../runner/types.js';
import type { EsimAccessContext } from './esimaccess-context.js';
import { balance } from './esimaccess-reads.js';
import { poll, refusalCode, uniqueId } from './observe.js';

type EsimAccessCheck = Check<EsimAccessContext>;

/** No provider sells this: ordering it must fail, and so spend nothing. */
export const UNKNOWN_PACKAGE_CODE = 'ESIMSANDBOXNOSUCHPKG';
export const UNKNOWN_ORDER_NO = 'B00000000000000';
/** Profiles bought on a mock: more than one page of 5, so paging crosses pages. Live buys one. */
const MOCK_ORDER_COUNT = 6;
const DAY_MS = 24 * 60 * 60 * 1000;
/** How far back pagination looks for profiles, and the most pages it walks. */
const LOOKBACK_DAYS = 90;
const MAX_PAGES = 10;

const providerTime = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}+0000`;

/** The cheapest fixed-volume base package: what order.buy risks on a live account. */
export function cheapest(packages: readonly EsimAccessPackage[]): EsimAccessPackage | undefined {
  return packages
    .filter((p) => p.dataType === undefined || p.dataType === null || p.dataType === 1)
    .reduce<EsimAccessPackage | undefined>(
      (best, p) => (best && best.price <= p.price ? best : p),
      undefined,
    );
}

export const orderChecks: EsimAccessCheck[] = [
  {
    id: 'order.unknown-package',
    title: 'Ordering an unknown packageCode is refused with 310241 and spends nothing',
    expected: { errorCode: '310241', balanceUnchanged: true },
    // It calls esim/order, so it declares a spend; the order cannot succeed, so the spend is 0.
    spend: () => ({ amount: 0 }),
    run: async (ctx) => {
      const before = await balance(ctx);
      const errorCode = await refusalCode(
        ctx.client.order({
          transactionId: uniqueId(),
          packageInfoList: [{ packageCode: UNKNOWN_PACKAGE_CODE, count: 1 }],
        }),
      );
      return { facts: { errorCode, balanceUnchanged: (await balance(ctx)) === before } };
    },
  },
  {
    id: 'query.unknown-order',
    title: 'Querying an orderNo that does not exist answers 310272',
    expected: { errorCode: '310272' },
    run: async (ctx) => ({
      facts: {
        errorCode: await refusalCode(
          ctx.client.queryProfiles({ orderNo: UNKNOWN_ORDER_NO, pager: { pageNum: 1, pageSize: 5 } }),
        ),
      },
    }),
  },
  {
    id: 'order.buy',
    title: 'An order is charged price x count and allocates that many profiles, unused and downloadable',
    expected: {
      allocatedAll: true,
      chargedExactly: true,
      gotResource: true,
      released: true,
      orderNoFormat: true,
    },
    spend: async (ctx) => {
      const pkg = cheapest(await ctx.basePackages());
      if (!pkg) throw new CheckSkipped('no fixed-volume BASE package to buy');
      const count = ctx.target.realMoney ? 1 : MOCK_ORDER_COUNT;
      ctx.memo.purchase = { pkg, count };
      return { amount: pkg.price * count };
    },
    run: async (ctx) => {
      const { pkg, count } = ctx.memo.purchase!;
      const before = await balance(ctx);
      const { orderNo } = await ctx.client.order({
        transactionId: uniqueId(),
        packageInfoList: [{ packageCode: pkg.packageCode, count }],
      });
      const profiles = await poll(ctx, `order ${orderNo} to be allocated`, async () => {
        try {
          return (await ctx.client.queryProfiles({ orderNo, pager: { pageNum: 1, pageSize: 50 } })).esimList;
        } catch (error) {
          // 200010: still allocating (documented, up to ~30 s).
          if ((error as { code?: unknown }).code === '200010') return undefined;
          throw error;
        }
      });
      const after = await balance(ctx);
      ctx.memo.order = { orderNo, packageCode: pkg.packageCode, price: pkg.price, count, profiles };
      return {
        facts: {
          allocatedAll: profiles.length === count,
          chargedExactly: before - after === pkg.price * count,
          gotResource: profiles.every((p) => p.esimStatus === 'GOT_RESOURCE'),
          released: profiles.every((p) => p.smdpStatus === 'RELEASED'),
          orderNoFormat: /^B\d{14}$/.test(orderNo),
        },
        note: `${count} x ${pkg.packageCode}`,
      };
    },
  },
];

export const profileChecks: EsimAccessCheck[] = [
  {
    id: 'query.pagination',
    title: 'Paging profiles: the same total on every page, no profile twice, the pages add up to the total',
    expected: { sameTotalOnEveryPage: true, noDuplicates: true, countsAddUp: true, pagerEchoed: true },
    run: async (ctx) => {
      const now = Date.now();
      const range = {
        startTime: providerTime(now - LOOKBACK_DAYS * DAY_MS),
        endTime: providerTime(now + DAY_MS),
      };
      const first = await ctx.client.queryProfiles({ ...range, pager: { pageNum: 1, pageSize: 5 } });
      const total = first.pager.total;
      if (total === 0)
        throw new CheckSkipped(`no profiles created in the last ${LOOKBACK_DAYS} days to page through`);
      // Small accounts page by 5 (several pages); large ones in pages big enough to stay within MAX_PAGES.
      const pageSize = total <= 5 * MAX_PAGES ? 5 : Math.min(500, Math.ceil(total / MAX_PAGES));
      const pages = Math.min(MAX_PAGES, Math.ceil(total / pageSize));
      const totals = new Set<number>();
      const seen: string[] = [];
      let pagerEchoed = true;
      for (let pageNum = 1; pageNum <= pages; pageNum++) {
        const page = await ctx.client.queryProfiles({ ...range, pager: { pageNum, pageSize } });
        totals.add(page.pager.total);
        pagerEchoed &&= page.pager.pageNum === pageNum && page.pager.pageSize === pageSize;
        seen.push(...page.esimList.map((p) => p.esimTranNo));
      }
      const beyond = await ctx.client.queryProfiles({ ...range, pager: { pageNum: pages + 1, pageSize } });
      ctx.memo.someEsimTranNo ??= seen[0];
      return {
        facts: {
          sameTotalOnEveryPage: totals.size === 1 && totals.has(total),
          noDuplicates: new Set(seen).size === seen.length,
          countsAddUp: seen.length === Math.min(total, pages * pageSize),
          pagerEchoed,
          pastLastPageEmpty: total > pages * pageSize || beyond.esimList.length === 0,
        },
        note: `${total} profiles, ${pages} pages of ${pageSize}`,
      };
    },
  },
  {
    id: 'usage.query',
    title: 'Usage of a profile reads back for that esimTranNo, in whole bytes',
    expected: { oneEntry: true, sameProfile: true, integerBytes: true },
    run: async (ctx) => {
      const esimTranNo = ctx.memo.order?.profiles[0]?.esimTranNo ?? ctx.memo.someEsimTranNo;
      if (!esimTranNo) throw new CheckSkipped('no profile on the account to ask about');
      const usage = await ctx.client.queryUsage({ esimTranNoList: [esimTranNo] });
      return {
        facts: {
          oneEntry: usage.length === 1,
          sameProfile: usage[0]?.esimTranNo === esimTranNo,
          integerBytes: usage.every(
            (u) => Number.isSafeInteger(u.dataUsage) && Number.isSafeInteger(u.totalData),
          ),
        },
      };
    },
  },
  {
    id: 'order.cancel-refund',
    title: 'Cancelling an unused profile refunds its price and marks it CANCEL',
    expected: { refunded: true, esimStatus: 'CANCEL' },
    spend: (ctx) => {
      if (!ctx.memo.order?.profiles[0]) throw new CheckSkipped('needs a profile bought by order.buy');
      return { amount: 0, irreversible: true };
    },
    run: async (ctx) => {
      const { profiles, price } = ctx.memo.order!;
      const esimTranNo = profiles[0]!.esimTranNo;
      const before = await balance(ctx);
      await ctx.client.cancel({ esimTranNo });
      const after = await balance(ctx);
      const [profile] = (await ctx.client.queryProfiles({ esimTranNo, pager: { pageNum: 1, pageSize: 5 } }))
        .esimList;
      return { facts: { refunded: after - before === price, esimStatus: profile?.esimStatus ?? null } };
    },
  },
  {
    id: 'webhook.query',
    title: 'The webhook query answers with the saved URL or none',
    expected: { urlOrNone: true },
    run: async (ctx) => {
      const { webhook } = await ctx.client.queryWebhook();
      return { facts: { urlOrNone: !webhook || /^https?:\/\//.test(webhook) } };
    },
  },
];
