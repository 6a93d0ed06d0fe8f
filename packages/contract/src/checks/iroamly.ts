/**
 * The iRoamly contract suite. In table order; later checks use what earlier ones found. Without --allow-spend a live
 * run only reads plans and sends requests that must be refused; purchase and redemption need --allow-spend, a cap
 * in 1/100 credit and `--email` (the provider mails the codes and the QR code there).
 * @module
 */
import { type IroamlyPlan, iroamlyCertification } from '@esim-sandbox/core';
import { creditToMinor, slugify } from '@esim-sandbox/iroamly-mock';
import { CheckSkipped } from '../errors.js';
import type { Suite } from '../runner/run.js';
import type { Check } from '../runner/types.js';
import type { IroamlyCredentials } from '../targets/iroamly.js';
import {
  codeOf,
  createIroamlyContext,
  IROAMLY_GUARDED_PATHS,
  type IroamlyContext,
  PLAN_LIST_PATH,
  validateIroamlyResponse,
} from './iroamly-context.js';
import { poll, refusalCode } from './observe.js';

type IroamlyCheck = Check<IroamlyContext>;

export const UNKNOWN_PRODUCT_CODE = 'esimsandboxnosuchproduct';
export const UNKNOWN_ORDER_ID = 'esim-sandbox-no-such-order';
export const UNKNOWN_REDEEM_CODE = 'zzzzzzzzzzzzz';
const UNKNOWN_REGION = 'esim-sandbox-nowhere';

const codes = (plans: readonly { productCode: string }[]) => plans.map((p) => p.productCode).join(',');
const probe = JSON.stringify({ orderId: UNKNOWN_ORDER_ID });

function needEmail(ctx: IroamlyContext): string {
  if (!ctx.email) throw new CheckSkipped('needs --email: the provider mails the codes and QR codes there');
  return ctx.email;
}

const planChecks: IroamlyCheck[] = [
  {
    id: 'plans.list',
    title: 'The plan list of a country is non-empty, all of that region, with unique codes and prices',
    expected: { nonEmpty: true, oneRegion: true, uniqueCodes: true, nonNegativeCredits: true },
    run: async (ctx) => {
      const plans = await ctx.plans();
      return {
        facts: {
          nonEmpty: plans.length > 0,
          oneRegion: new Set(plans.map((p) => p.region)).size === 1,
          uniqueCodes: new Set(plans.map((p) => p.productCode)).size === plans.length,
          nonNegativeCredits: plans.every((p) => p.credit >= 0),
        },
        note: `${ctx.region}: ${plans.length} plans`,
      };
    },
  },
  {
    id: 'plans.region-aliases',
    title: 'A region asked by ISO2 code, by name and by slug gives the same plans',
    expected: { byName: true, bySlug: true },
    run: async (ctx) => {
      const plans = await ctx.plans();
      const name = plans[0]?.region;
      if (!name) throw new CheckSkipped(`no plans for ${ctx.region} to compare`);
      const byName = await ctx.client.listPlans(name);
      const bySlug = await ctx.client.listPlans(slugify(name));
      return { facts: { byName: codes(byName) === codes(plans), bySlug: codes(bySlug) === codes(plans) } };
    },
  },
  {
    id: 'plans.unknown-region',
    title: 'A region that does not exist lists no plans (HTTP 404 or [])',
    expected: { noPlans: true },
    run: async (ctx) => {
      const { status, json } = await ctx.raw('GET', `${PLAN_LIST_PATH}?region=${UNKNOWN_REGION}`);
      return {
        facts: { noPlans: status === 404 || (Array.isArray(json) && json.length === 0), httpStatus: status },
      };
    },
  },
];

const authChecks: IroamlyCheck[] = [
  {
    id: 'auth.missing-headers',
    title: 'A request without AuthKey and Certification is refused with code 2',
    expected: { errorCode: '2' },
    run: async (ctx) => {
      const answer = await ctx.raw('POST', '/openapi/codeQuery', {
        headers: { 'Content-Type': 'application/json' },
        body: probe,
      });
      return { facts: { errorCode: codeOf(answer.json) } };
    },
  },
  {
    id: 'auth.bad-certification',
    title: 'A Certification made with the wrong secret is refused with code 2',
    expected: { errorCode: '2' },
    run: async (ctx) => {
      const { authKey } = ctx.target.credentials;
      const answer = await ctx.raw('POST', '/openapi/codeQuery', {
        headers: {
          'Content-Type': 'application/json',
          AuthKey: authKey,
          Certification: iroamlyCertification(authKey, 'esim-sandbox-wrong-secret'),
        },
        body: probe,
      });
      return { facts: { errorCode: codeOf(answer.json) } };
    },
  },
];

const orderChecks: IroamlyCheck[] = [
  {
    id: 'purchase.unknown-product',
    title: 'Buying an unknown product code is refused with code 4 and spends nothing',
    expected: { errorCode: '4' },
    // It calls purchaseCode, so it declares a spend; the purchase cannot succeed, so the spend is 0.
    spend: () => ({ amount: 0 }),
    run: async (ctx) => {
      const errorCode = await refusalCode(
        ctx.client.purchase({
          email: ctx.email ?? 'nobody@esim-sandbox.invalid',
          productList: [{ productCode: UNKNOWN_PRODUCT_CODE, quantity: 1 }],
        }),
      );
      return { facts: { errorCode } };
    },
  },
  {
    id: 'codes.unknown-order',
    title: 'Querying the codes of an order that does not exist is refused with code 7',
    expected: { errorCode: '7' },
    run: async (ctx) => ({
      facts: { errorCode: await refusalCode(ctx.client.queryCodes(UNKNOWN_ORDER_ID)) },
    }),
  },
  {
    id: 'qrcode.unknown-code',
    title: 'Asking the QR code of a redeem code that does not exist is refused with code 7',
    expected: { errorCode: '7' },
    run: async (ctx) => ({
      facts: { errorCode: await refusalCode(ctx.client.queryQrCode(UNKNOWN_REDEEM_CODE)) },
    }),
  },
  {
    id: 'purchase.buy',
    title:
      'Buying one code gives an order whose code list shows that product once, unredeemed, expiring later',
    expected: { oneCode: true, sameProduct: true, unredeemed: true, expiresLater: true },
    spend: async (ctx) => {
      needEmail(ctx);
      const cheapest = (await ctx.plans()).reduce<IroamlyPlan | undefined>(
        (best, p) => (best && best.credit <= p.credit ? best : p),
        undefined,
      );
      if (!cheapest) throw new CheckSkipped(`no plans for ${ctx.region} to buy`);
      ctx.memo.purchase = cheapest;
      return { amount: creditToMinor(cheapest.credit) };
    },
    run: async (ctx) => {
      const plan = ctx.memo.purchase!;
      const { orderId } = await ctx.client.purchase({
        email: needEmail(ctx),
        productList: [{ productCode: plan.productCode, quantity: 1 }],
      });
      const list = await ctx.client.queryCodes(orderId);
      ctx.memo.order = { orderId, redeemCode: list[0]?.redeemCode };
      const today = new Date().toISOString().slice(0, 10);
      return {
        facts: {
          oneCode: list.length === 1,
          sameProduct: list.every((c) => c.productCode === plan.productCode),
          unredeemed: list.every((c) => c.status === 0),
          expiresLater: list.every((c) => c.expire_at > today),
        },
        note: `1 x ${plan.productCode}`,
      };
    },
  },
  {
    id: 'redeem.flow',
    title: 'Redeeming the code ends in status 2 with an http(s) QR image link',
    expected: { finalStatus: 2, qrcodeHttpUrl: true },
    spend: (ctx) => {
      needEmail(ctx);
      if (!ctx.memo.order?.redeemCode) throw new CheckSkipped('needs the code bought by purchase.buy');
      return { amount: 0, irreversible: true };
    },
    run: async (ctx) => {
      const { orderId, redeemCode } = ctx.memo.order as { orderId: string; redeemCode: string };
      await ctx.client.redeemQrCode({ email: needEmail(ctx), codeList: [{ redeemCode }] });
      const status = await poll(ctx, `redeem code ${redeemCode} to be redeemed`, async () => {
        const code = (await ctx.client.queryCodes(orderId)).find((c) => c.redeemCode === redeemCode);
        return code && code.status >= 2 ? code.status : undefined;
      });
      const qr = status === 2 ? await ctx.client.queryQrCode(redeemCode) : undefined;
      return {
        facts: { finalStatus: status, qrcodeHttpUrl: qr !== undefined && /^https?:\/\//.test(qr.qrcode) },
      };
    },
  },
];

export const iroamlyChecks = [...planChecks, ...authChecks, ...orderChecks];

export const iroamlySuite: Suite<IroamlyCredentials, IroamlyContext> = {
  provider: 'iroamly',
  unit: '1/100 credit',
  checks: iroamlyChecks,
  spendingPaths: IROAMLY_GUARDED_PATHS,
  validateResponse: validateIroamlyResponse,
  createContext: createIroamlyContext,
};
