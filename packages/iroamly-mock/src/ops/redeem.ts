/**
 * @module
 * `redeemQRcode` in two steps. {@link startRedemption} answers the request: every code moves 0|3 → 1 (all or
 * nothing), a {@link Redemption} is recorded with its due time and its completion task goes into the effects.
 * {@link completeRedemption} runs when the engine's scheduler reaches that time: the codes move 1 → 2 (LPA + QR image) or 1 → 3, and a mail is sent.
 */
import {
  IroamlyCode,
  type IroamlyRedeemQrcodeRequest,
  IroamlyRedeemCodeStatus as S,
} from '@esim-sandbox/core';
import { findProduct } from '../catalog/catalog.js';
import { isExpired } from '../state/dates.js';
import { newLpa, newQrToken, nextRedemptionId } from '../state/ids.js';
import { pushMessage } from '../state/outbox.js';
import { fail, type OpResult, ok } from '../state/result.js';
import { checkTransition, transition } from '../state/transitions.js';
import type { AccountState, OutboxMessage, RedeemCodeRecord, Redemption } from '../state/types.js';
import type { IroamlyBehaviour } from './behaviour.js';
import { type OpContext, REDEMPTION_TASK_KIND } from './context.js';
import { magicFailure } from './magic.js';

/** How long the provider takes: grows with the number of codes, as the spec's note says. */
export function redemptionDelayMs(behaviour: IroamlyBehaviour, codeCount: number): number {
  return behaviour.redemptionDelay.baseMs + behaviour.redemptionDelay.perCodeMs * codeCount;
}

function checkCodes(
  state: AccountState,
  codes: readonly string[],
  now: number,
): OpResult<RedeemCodeRecord[]> {
  const seen = new Set<string>();
  const records: RedeemCodeRecord[] = [];
  for (const code of codes) {
    const record = Object.hasOwn(state.codes, code) ? state.codes[code] : undefined;
    if (!record) return fail(IroamlyCode.REDEEM_CODE_UNAVAILABLE, `${code} does not exist`);
    if (seen.has(code)) return fail(IroamlyCode.REDEEM_CODE_UNAVAILABLE, `${code} is listed twice`);
    seen.add(code);
    const allowed = checkTransition(record, S.REDEEMING);
    if (!allowed.ok) return allowed;
    if (isExpired(record.expire_at, now)) {
      return fail(IroamlyCode.REDEEM_CODE_UNAVAILABLE, `${code} expired on ${record.expire_at}`);
    }
    records.push(record);
  }
  return ok(records);
}

/** @returns the recorded redemption; its completion is a task at its `dueAt`, in `ctx.effects.tasks`. */
export function startRedemption(ctx: OpContext, request: IroamlyRedeemQrcodeRequest): OpResult<Redemption> {
  const { state } = ctx;
  const magic = magicFailure(request.email);
  if (magic) return magic;
  const codes = request.codeList.map((c) => c.redeemCode);
  const checked = checkCodes(state, codes, ctx.now);
  if (!checked.ok) return checked;
  const injected = state.pendingFailures.shift();
  const baseMs = redemptionDelayMs(ctx.behaviour, codes.length);
  const delayMs = ctx.chaosDelay?.('allocation', baseMs) ?? baseMs;
  const redemption: Redemption = {
    id: nextRedemptionId(state),
    email: request.email,
    codes,
    requestedAt: ctx.now,
    dueAt: ctx.now + delayMs,
    outcome: injected ? 'failure' : 'success',
    failureReason: injected?.reason,
    baseUrl: ctx.baseUrl,
  };
  for (const record of checked.obj) {
    transition(record, S.REDEEMING);
    record.email = request.email;
    record.redemptionId = redemption.id;
    record.failureReason = undefined;
  }
  state.redemptions[redemption.id] = redemption;
  ctx.effects.tasks.push({
    kind: REDEMPTION_TASK_KIND,
    at: redemption.dueAt,
    data: { redemptionId: redemption.id },
  });
  return ok(redemption);
}

function outboxCode(record: RedeemCodeRecord, ctx: OpContext) {
  const plan = findProduct(ctx.catalog, record.productCode)?.item.plan ?? record.productCode;
  return {
    redeemCode: record.redeemCode,
    productCode: record.productCode,
    plan,
    expire_at: record.expire_at,
    lpa: record.lpa,
    qrToken: record.qrToken,
  };
}

/**
 * Finishes a redemption at its due time. Running it twice (a task replayed after a restore) changes nothing
 * the second time and returns `undefined`. It cannot refuse: the task wraps its answer in the kit's `ok`.
 */
export function completeRedemption(ctx: OpContext, redemptionId: string): OutboxMessage | undefined {
  const { state } = ctx;
  const redemption = state.redemptions[redemptionId];
  if (!redemption || redemption.completedAt !== undefined) return undefined;
  redemption.completedAt = ctx.now;
  const success = redemption.outcome === 'success';
  const records = redemption.codes
    .map((code) => state.codes[code])
    .filter((r): r is RedeemCodeRecord => r?.redemptionId === redemptionId && r.status === S.REDEEMING);
  for (const record of records) {
    transition(record, success ? S.REDEEMED : S.FAILED);
    if (success) {
      record.redeemedAt = ctx.now;
      record.lpa = newLpa(ctx.behaviour.smdpAddress, ctx.rng);
      record.qrToken = newQrToken(ctx.rng);
      state.qrTokens[record.qrToken] = record.redeemCode;
    } else {
      record.failureReason = redemption.failureReason;
    }
  }
  return pushMessage(state, {
    kind: success ? 'qr_redeemed' : 'redemption_failed',
    to: redemption.email,
    subject: success ? 'Your eSIM QR code' : 'Your eSIM redemption failed',
    createdAt: ctx.now,
    redemptionId,
    codes: records.map((r) => outboxCode(r, ctx)),
    failureReason: success ? undefined : redemption.failureReason,
    baseUrl: redemption.baseUrl,
  });
}
