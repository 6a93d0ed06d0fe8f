/**
 * Single-profile actions: cancel, suspend, unsuspend, revoke, sendSms. All answer `obj: {}`.
 * @module
 */
import type { EsimAccessProfileActionRequest, EsimAccessSendSmsRequest } from '@esim-sandbox/core';
import { changeBalance } from '../state/money.js';
import type { ProfileMove } from '../state/transitions.js';
import { fail, type OpContext, type OpResult, ok } from './context.js';
import { checkMove, moveProfile } from './lifecycle.js';
import { findProfile } from './profiles.js';

export type EmptyObj = Record<string, never>;

function simpleMove(
  ctx: OpContext,
  request: EsimAccessProfileActionRequest,
  move: ProfileMove,
): OpResult<EmptyObj> {
  const found = findProfile(ctx.state, request);
  if (!found.ok) return found;
  const error = moveProfile(ctx, found.obj, move);
  return error ? fail(error.code, error.message) : ok({});
}

/**
 * Only a profile never downloaded (GOT_RESOURCE + RELEASED) can be cancelled, top-ups or not. Everything paid for it
 * goes back to the balance: its price, and each top-up's amount as its own refund (ref = the topUpEsimTranNo).
 */
export function cancelProfile(ctx: OpContext, request: EsimAccessProfileActionRequest): OpResult<EmptyObj> {
  const found = findProfile(ctx.state, request);
  if (!found.ok) return found;
  const profile = found.obj;
  const error = moveProfile(ctx, profile, 'cancel');
  if (error) return fail(error.code, error.message);
  changeBalance(ctx.state, profile.price, 'refund', profile.esimTranNo, ctx.now);
  for (const topUp of Object.values(ctx.state.topUps)) {
    if (topUp.esimTranNo !== profile.esimTranNo) continue;
    changeBalance(
      ctx.state,
      topUp.amount,
      'refund',
      topUp.result.topUpEsimTranNo ?? topUp.transactionId,
      ctx.now,
    );
  }
  return ok({});
}

export function suspendProfile(ctx: OpContext, request: EsimAccessProfileActionRequest): OpResult<EmptyObj> {
  return simpleMove(ctx, request, 'suspend');
}

export function unsuspendProfile(
  ctx: OpContext,
  request: EsimAccessProfileActionRequest,
): OpResult<EmptyObj> {
  return simpleMove(ctx, request, 'unsuspend');
}

/** Non-refundable. */
export function revokeProfile(ctx: OpContext, request: EsimAccessProfileActionRequest): OpResult<EmptyObj> {
  return simpleMove(ctx, request, 'revoke');
}

/** Recorded in the account's SMS log (the control API shows it); packages with smsStatus 0 cannot receive SMS. */
export function sendSms(ctx: OpContext, request: EsimAccessSendSmsRequest): OpResult<EmptyObj> {
  const found = findProfile(ctx.state, request);
  if (!found.ok) return found;
  const profile = found.obj;
  const error = checkMove(ctx, profile, 'sendSms');
  if (error) return fail(error.code, error.message);
  if (profile.smsStatus === 0) {
    return fail(
      '200002',
      `the package of esimTranNo ${profile.esimTranNo} does not support SMS (smsStatus 0)`,
    );
  }
  ctx.state.sms.push({
    at: ctx.now,
    esimTranNo: profile.esimTranNo,
    iccid: profile.iccid,
    message: request.message,
  });
  return ok({});
}
