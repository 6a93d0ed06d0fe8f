/**
 * @module
 * The four authenticated endpoints. Each runs one domain operation on the caller's account through the kit's
 * `runOp` (validation is `registerEndpoint`'s, in http/endpoint.ts), and answers with a body typed by core's
 * response schema.
 */
import {
  IroamlyCode,
  type IroamlyCodeQueryResponse,
  type IroamlyPurchaseCodeResponse,
  type IroamlyQrcodeQueryResponse,
  type IroamlyRedeemQrcodeResponse,
  iroamlyQrcodeQueryRedeemCode,
} from '@esim-sandbox/core';
import { type IroamlyApp, registerEndpoint } from '../http/endpoint.js';
import { purchase } from '../ops/purchase.js';
import { queryCodes, queryQrCode } from '../ops/query.js';
import { startRedemption } from '../ops/redeem.js';
import { type IroamlyRuntime, publicBase, runOp } from '../runtime/runtime.js';
import { qrImageUrl } from '../state/outbox.js';
import { mapOk } from '../state/result.js';

const SUCCESS = { code: IroamlyCode.SUCCESS, msg: 'success' } as const;

export function registerOpenapiRoutes(app: IroamlyApp, rt: IroamlyRuntime): void {
  registerEndpoint(app, rt, 'purchaseCode', (input, tenant) =>
    mapOk(
      runOp(rt, tenant, (ctx) => purchase(ctx, input)),
      (order): IroamlyPurchaseCodeResponse => ({ ...SUCCESS, orderId: order.orderId }),
    ),
  );

  registerEndpoint(app, rt, 'codeQuery', (input, tenant) =>
    mapOk(
      runOp(rt, tenant, (ctx) => queryCodes(ctx, input.orderId)),
      (codes): IroamlyCodeQueryResponse => ({ ...SUCCESS, data: codes }),
    ),
  );

  registerEndpoint(app, rt, 'redeemQRcode', (input, tenant, c) =>
    mapOk(
      runOp(rt, tenant, (ctx) => startRedemption(ctx, input), { baseUrl: publicBase(c, rt) }),
      (): IroamlyRedeemQrcodeResponse => ({ ...SUCCESS }),
    ),
  );

  registerEndpoint(app, rt, 'qrcodeQuery', (input, tenant, c) =>
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
