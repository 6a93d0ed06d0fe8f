/**
 * What the iRoamly checks work with: core's client on the target, raw requests for what the client would never
 * send (missing or wrong credentials, an unknown region), a memo of earlier findings, and core's schemas for every
 * answer.
 * @module
 */
import {
  IroamlyClient,
  type IroamlyPlan,
  iroamlyCodeQueryResponseSchema,
  iroamlyEnvelopeSchema,
  iroamlyErrorResponseSchema,
  iroamlyPlanListResponseSchema,
  iroamlyPurchaseCodeResponseSchema,
  iroamlyQrcodeQueryResponseSchema,
  iroamlyRedeemQrcodeResponseSchema,
} from '@esim-sandbox/core';
import type { z } from 'zod';
import type { ResponseValidator } from '../runner/instrument.js';
import type { SuiteEnv } from '../runner/run.js';
import type { IroamlyCredentials } from '../targets/iroamly.js';
import { type RawAnswer, rawRequest, schemaIssues } from './observe.js';

export interface IroamlyMemo {
  plans?: IroamlyPlan[];
  /** The plan purchase.buy buys, chosen when its spend is planned. */
  purchase?: IroamlyPlan;
  /** What purchase.buy bought, for redeem.flow. */
  order?: { orderId: string; redeemCode: string | undefined };
}

export interface IroamlyContext extends SuiteEnv<IroamlyCredentials> {
  client: IroamlyClient;
  memo: IroamlyMemo;
  /** Region of the plan checks (`--region`, default US). */
  region: string;
  /** Where mails of purchases and redemptions go: `--email`, or on a mock a test address. Live without it: none. */
  email: string | undefined;
  /** Plans of `region`, listed once per run. */
  plans(): Promise<IroamlyPlan[]>;
  raw(
    method: 'GET' | 'POST',
    pathAndQuery: string,
    init?: { headers?: Record<string, string>; body?: string },
  ): Promise<RawAnswer>;
}

export const PLAN_LIST_PATH = '/common/getPlanItem';

const OPENAPI_RESPONSES: Readonly<Record<string, z.ZodType>> = {
  '/openapi/purchaseCode': iroamlyPurchaseCodeResponseSchema,
  '/openapi/codeQuery': iroamlyCodeQueryResponseSchema,
  '/openapi/redeemQRcode': iroamlyRedeemQrcodeResponseSchema,
  '/openapi/qrcodeQuery': iroamlyQrcodeQueryResponseSchema,
};

/** Purchases spend; redemptions use up a code for good. */
export const IROAMLY_GUARDED_PATHS: ReadonlySet<string> = new Set([
  '/openapi/purchaseCode',
  '/openapi/redeemQRcode',
]);

export const MOCK_EMAIL = 'contract@esim-sandbox.test';

export function createIroamlyContext(env: SuiteEnv<IroamlyCredentials>): IroamlyContext {
  const { target, options } = env;
  const client = new IroamlyClient({ ...target.credentials, baseUrl: target.baseUrl, fetch: env.fetch });
  const memo: IroamlyMemo = {};
  const region = options.region ?? 'US';
  return {
    ...env,
    client,
    memo,
    region,
    email: options.email ?? (target.realMoney ? undefined : MOCK_EMAIL),
    plans: async () => {
      memo.plans ??= await client.listPlans(region);
      return memo.plans;
    },
    raw: (method, pathAndQuery, init = {}) =>
      rawRequest(env.fetch, `${target.baseUrl}${pathAndQuery}`, {
        method,
        headers: init.headers ?? {},
        ...(init.body === undefined ? {} : { body: init.body }),
      }),
  };
}

/** `{ errorCode: '2' }` from a raw `{code, msg}` answer (as a string, like the client's ProviderError.code). */
export function codeOf(json: unknown): string | null {
  const envelope = iroamlyEnvelopeSchema.safeParse(json);
  return envelope.success ? String(envelope.data.code) : null;
}

export const validateIroamlyResponse: ResponseValidator = (request, response) => {
  if (request.path === PLAN_LIST_PATH) {
    // 404 is how the provider says "no such region" (NOTES 2); its body is not specified.
    if (response.status !== 200) return [];
    const plans = iroamlyPlanListResponseSchema.safeParse(response.json);
    return plans.success ? [] : schemaIssues('plans', plans.error);
  }
  const success = OPENAPI_RESPONSES[request.path];
  if (!success) return [];
  const envelope = iroamlyEnvelopeSchema.safeParse(response.json);
  if (!envelope.success) return schemaIssues('body', envelope.error);
  const schema = envelope.data.code === 1 ? success : iroamlyErrorResponseSchema;
  const parsed = schema.safeParse(response.json);
  return parsed.success ? [] : schemaIssues('body', parsed.error);
};
