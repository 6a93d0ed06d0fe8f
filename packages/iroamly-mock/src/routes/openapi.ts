/**
 * @module
 * The four authenticated endpoints. Each validates with core's request schema (code 3 through core's mapper),
 * runs one domain operation on the caller's account, and answers with a body typed by core's response schema.
 */
import {
  IroamlyCode,
  type IroamlyCodeQueryResponse,
  type IroamlyPurchaseCodeResponse,
  type IroamlyQrcodeQueryResponse,
  type IroamlyRedeemQrcodeResponse,
  iroamlyCodeQueryRequestSchema,
  iroamlyPurchaseCodeRequestSchema,
  iroamlyQrcodeQueryRedeemCode,
  iroamlyQrcodeQueryRequestSchema,
  iroamlyRedeemQrcodeRequestSchema,
  toIroamlyParameterError,
} from '@esim-sandbox/core';
import type { ProviderEnv } from '@esim-sandbox/emulator';
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import type { IroamlyAccountParams } from '../mock/options.js';
import {
  type IroamlyRuntime,
  type IroamlyTenant,
  operationContext,
  publicBase,
  sendFailure,
  sendResult,
} from '../mock/runtime.js';
import { purchase } from '../operations/purchase.js';
import { queryCodes, queryQrCode } from '../operations/query.js';
import { REDEMPTION_TASK_KIND, type RedemptionTaskData, startRedemption } from '../operations/redeem.js';
import { qrImageUrl } from '../state/outbox.js';
import { ok, parameterFailure, type Result } from '../state/result.js';
import type { AccountState } from '../state/types.js';

type Env = ProviderEnv<AccountState, IroamlyAccountParams>;
type Ctx = Context<Env>;

const SUCCESS = { code: IroamlyCode.SUCCESS, msg: 'success' } as const;

/**
 * The query string as parameters. A query string only carries text, so a list parameter (productList, codeList)
 * is sent as JSON text (`productList=[{"productCode":"x","quantity":1}]`); text that is not JSON stays text and
 * the schema answers 3 naming the field.
 */
function queryParams(c: Ctx, listFields: readonly string[]): Record<string, unknown> {
  const params: Record<string, unknown> = c.req.query();
  for (const field of listFields) {
    const text = params[field];
    if (typeof text !== 'string') continue;
    try {
      params[field] = JSON.parse(text);
    } catch {
      // Left as text: the schema names the field.
    }
  }
  return params;
}

/** Parameters from the JSON body (POST) or the query string (GET, when allowed). */
function readParams(c: Ctx, rt: IroamlyRuntime, listFields: readonly string[]): Result<unknown> {
  if (c.req.method === 'GET') {
    return rt.http.allowGet
      ? ok(queryParams(c, listFields))
      : { ok: false, failure: parameterFailure('method', 'use POST') };
  }
  const raw = c.get('rawBody');
  // An empty body is an empty object, so the answer names the first missing field.
  if (raw.trim() === '') return ok({});
  try {
    return ok(JSON.parse(raw));
  } catch {
    return { ok: false, failure: parameterFailure('body', 'not valid JSON') };
  }
}

function endpoint<S extends z.ZodType, T extends { code: 1 }>(
  app: Hono<Env>,
  rt: IroamlyRuntime,
  route: { path: string; schema: S; listFields?: readonly string[] },
  handle: (input: z.output<S>, tenant: IroamlyTenant, c: Ctx) => Result<T>,
): void {
  const { path, schema, listFields = [] } = route;
  app.on(['GET', 'POST'], path, (c) => {
    const params = readParams(c, rt, listFields);
    if (!params.ok) return sendFailure(c, rt, params.failure);
    const parsed = schema.safeParse(params.value);
    if (!parsed.success) return sendFailure(c, rt, toIroamlyParameterError(parsed.error.issues));
    return sendResult(c, rt, handle(parsed.data, c.get('tenant'), c));
  });
}

export function registerOpenapiRoutes(app: Hono<Env>, rt: IroamlyRuntime): void {
  const purchaseRoute = {
    path: '/openapi/purchaseCode',
    schema: iroamlyPurchaseCodeRequestSchema,
    listFields: ['productList'],
  };
  endpoint(app, rt, purchaseRoute, (input, tenant) => {
    const order = purchase(tenant.state, input, operationContext(tenant, rt));
    if (!order.ok) return order;
    return ok<IroamlyPurchaseCodeResponse>({ ...SUCCESS, orderId: order.value.orderId });
  });

  endpoint(
    app,
    rt,
    { path: '/openapi/codeQuery', schema: iroamlyCodeQueryRequestSchema },
    (input, tenant) => {
      const codes = queryCodes(tenant.state, input.orderId, rt);
      if (!codes.ok) return codes;
      return ok<IroamlyCodeQueryResponse>({ ...SUCCESS, data: codes.value });
    },
  );

  const redeemRoute = {
    path: '/openapi/redeemQRcode',
    schema: iroamlyRedeemQrcodeRequestSchema,
    listFields: ['codeList'],
  };
  endpoint(app, rt, redeemRoute, (input, tenant, c) => {
    const ctx = operationContext(tenant, rt);
    const started = startRedemption(tenant.state, input, ctx, { baseUrl: publicBase(c, rt) });
    if (!started.ok) return started;
    tenant.scheduler.at<RedemptionTaskData>(REDEMPTION_TASK_KIND, started.value.dueAt, {
      redemptionId: started.value.id,
    });
    return ok<IroamlyRedeemQrcodeResponse>({ ...SUCCESS });
  });

  endpoint(
    app,
    rt,
    { path: '/openapi/qrcodeQuery', schema: iroamlyQrcodeQueryRequestSchema },
    (input, tenant, c) => {
      const qr = queryQrCode(tenant.state, iroamlyQrcodeQueryRedeemCode(input));
      if (!qr.ok) return qr;
      return ok<IroamlyQrcodeQueryResponse>({
        ...SUCCESS,
        redeemCode: qr.value.redeemCode,
        qrcode: qrImageUrl(publicBase(c, rt), qr.value.qrToken),
      });
    },
  );
}
