/**
 * @module
 * The two read operations: `codeQuery` (an order's codes) and `qrcodeQuery` (a redeemed code's QR image).
 */
import { IroamlyCode, type IroamlyRedeemCode, IroamlyRedeemCodeStatus } from '@esim-sandbox/core';
import { fail, type OpResult, ok } from '../state/result.js';
import { describeStatus } from '../state/transitions.js';
import type { AccountState } from '../state/types.js';
import type { OpContext } from './context.js';

/** An order's codes in issue order, each with its current status (expired codes keep theirs: see README). */
export function queryCodes(
  ctx: Pick<OpContext, 'state' | 'behaviour'>,
  orderId: string,
): OpResult<IroamlyRedeemCode[]> {
  const { state } = ctx;
  const order = Object.hasOwn(state.orders, orderId) ? state.orders[orderId] : undefined;
  if (!order) return fail(ctx.behaviour.unknownOrderCode, `order ${orderId} does not exist`);
  return ok(
    order.codes.map((code) => {
      const r = state.codes[code]!;
      return {
        productCode: r.productCode,
        redeemCode: r.redeemCode,
        expire_at: r.expire_at,
        status: r.status,
      };
    }),
  );
}

export interface QrCodeAnswer {
  redeemCode: string;
  /** Path token of the QR image; the route turns it into an absolute URL. */
  qrToken: string;
  lpa: string;
}

/** Only a redeemed code (status 2) has a QR code; anything else, or an unknown code, is code 7. */
export function queryQrCode(state: AccountState, redeemCode: string): OpResult<QrCodeAnswer> {
  const record = Object.hasOwn(state.codes, redeemCode) ? state.codes[redeemCode] : undefined;
  if (!record) return fail(IroamlyCode.REDEEM_CODE_UNAVAILABLE, `${redeemCode} does not exist`);
  if (record.status !== IroamlyRedeemCodeStatus.REDEEMED || !record.qrToken || !record.lpa) {
    return fail(IroamlyCode.REDEEM_CODE_UNAVAILABLE, `${redeemCode} ${describeStatus(record.status)}`);
  }
  return ok({ redeemCode, qrToken: record.qrToken, lpa: record.lpa });
}

/** The redeemed code behind a QR image token, for the public image route. */
export function findByQrToken(state: AccountState, token: string): QrCodeAnswer | undefined {
  const code = Object.hasOwn(state.qrTokens, token) ? state.qrTokens[token] : undefined;
  if (code === undefined) return undefined;
  const answer = queryQrCode(state, code);
  return answer.ok ? answer.obj : undefined;
}
