/**
 * @module
 * The four authenticated endpoints. Each validates with core's request schema (code 3 through core's mapper),
 * runs one domain operation on the caller's account through the kit's `runOp`, and answers with a body typed by
 * core's response schema.
 */
import {
  IroamlyCode,
  type IroamlyCodeQueryResponse,
  type IroamlyPurchaseCodeResponse,
  type IroamlyQrcodeQueryResponse,
  type IroamlyRedeemQrcodeResponse,
  iroamlyQrcodeQueryRedeemCode,
  toIroamlyParameterError,
} from '@esim-sandbox/core';
import type { ProviderEnv } from '@esim-sandbox/emulator';
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { type IroamlyTenant, runOp } from '../ops/context.js';
import { purchase } from '../ops/purchase.js';
import { queryCodes, queryQrCode } from '../ops/query.js';
import { startRedemption } from '../ops/redeem.js';
import { qrImageUrl } from '../state/outbox.js';
import type { IroamlyAccountParams } from '../state/params.js';
import { mapOk, type OpResult, ok, parameterFailure } from '../state/result.js';
import type { AccountState } from '../state/types.js';
import { IROAMLY_ENDPOINTS } from './endpoints.js';
import { type IroamlyRuntime, publicBase, sendFailure, sendResult } from './http.js';

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
function readParams(c: Ctx, rt: IroamlyRuntime, listFields: readonly string[]): OpResult<unknown> {
  if (c.req.method === 'GET') {
    return rt.http.allowGet
      ? ok(queryParams(c, listFields))
      : { ok: false, error: parameterFailure('method', 'use POST') };
  }
  const raw = c.get('rawBody');
  // An empty body is an empty object, so the answer names the first missing field.
  if (raw.trim() === '') return ok({});
  try {
    return ok(JSON.parse(raw));
  } catch {
    return { ok: false, error: parameterFailure('body', 'not valid JSON') };
  }
}

type OpenapiName = Exclude<keyof typeof IROAMLY_ENDPOINTS, 'getPlanItem'>;

function endpoint<N extends OpenapiName, T extends { code: 1 }>(
  app: Hono<Env>,
  rt: IroamlyRuntime,
  name: N,
  handle: (
    input: z.output<(typeof IROAMLY_ENDPOINTS)[N]['schema']>,
    tenant: IroamlyTenant,
    c: Ctx,
  ) => OpResult<T>,
): void {
  const { path, schema, listFields } = IROAMLY_ENDPOINTS[name];
  app.on(['GET', 'POST'], path, (c) => {
    const params = readParams(c, rt, listFields);
    if (!params.ok) return sendFailure(c, rt, params.error);
    const parsed = schema.safeParse(params.obj);
    if (!parsed.success) return sendFailure(c, rt, toIroamlyParameterError(parsed.error.issues));
    return sendResult(
      c,
      rt,
      handle(parsed.data as z.output<(typeof IROAMLY_ENDPOINTS)[N]['schema']>, c.get('tenant'), c),
    );
  });
}

export function registerOpenapiRoutes(app: Hono<Env>, rt: IroamlyRuntime): void {
  endpoint(app, rt, 'purchaseCode', (input, tenant) =>
    mapOk(
      runOp(rt, tenant, (ctx) => purchase(ctx, input)),
      (order): IroamlyPurchaseCodeResponse => ({ ...SUCCESS, orderId: order.orderId }),
    ),
  );

  endpoint(app, rt, 'codeQuery', (input, tenant) =>
    mapOk(
      runOp(rt, tenant, (ctx) => queryCodes(ctx, input.orderId)),
      (codes): IroamlyCodeQueryResponse => ({ ...SUCCESS, data: codes }),
    ),
  );

  endpoint(app, rt, 'redeemQRcode', (input, tenant, c) =>
    mapOk(
      runOp(rt, tenant, (ctx) => startRedemption(ctx, input), { baseUrl: publicBase(c, rt) }),
      (): IroamlyRedeemQrcodeResponse => ({ ...SUCCESS }),
    ),
  );

  endpoint(app, rt, 'qrcodeQuery', (input, tenant, c) =>
    mapOk(
      runOp(rt, tenant, (ctx) => queryQrCode(ctx.state, iroamlyQrcodeQueryRedeemCode(input))),
      (qr): IroamlyQrcodeQueryResponse => ({
        ...SUCCESS,
        redeemCode: qr.redeemCode,
        qrcode: qrImageUrl(publicBase(c, rt), qr.qrToken),
      }),
    ),
  );
}
