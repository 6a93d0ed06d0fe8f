import { describe, expect, it } from 'vitest';
import { failNextRedemptionSchema, failNextRedemptions } from '../src/control/actions.js';
import { queryCodes, queryQrCode } from '../src/ops/query.js';
import { completeRedemption, redemptionDelayMs, startRedemption } from '../src/ops/redeem.js';
import type { AccountState } from '../src/state/types.js';
import { account, buyCodes, DAY, makeContext, on, T0, value } from './builders.js';

function redeemRequest(codes: string[], email = 'traveller@example.com') {
  return { email, codeList: codes.map((redeemCode) => ({ redeemCode })) };
}

function statuses(state: AccountState, codes: string[]) {
  return codes.map((c) => state.codes[c]?.status);
}

describe('redemption lifecycle', () => {
  it('moves codes 0 → 1 on request and 1 → 2 at the due time, with an LPA, a QR image and a mail', () => {
    const state = account();
    const ctx = makeContext();
    const codes = buyCodes(state, ctx, 2);
    const started = startRedemption(on(state, ctx), redeemRequest(codes));
    if (!started.ok) throw new Error(started.error.msg);
    expect(statuses(state, codes)).toEqual([1, 1]);
    expect(started.obj.dueAt).toBe(T0 + 2_000 + 2 * 1_000);

    const mail = completeRedemption(on(state, { ...ctx, now: started.obj.dueAt }), started.obj.id);
    expect(statuses(state, codes)).toEqual([2, 2]);
    const record = state.codes[codes[0]!]!;
    expect(record.lpa).toMatch(/^LPA:1\$rsp\.iroamly-sandbox\.test\$[0-9A-F]{32}$/);
    expect(record.qrToken).toMatch(/^[0-9a-f]{32}$/);
    expect(mail).toMatchObject({
      kind: 'qr_redeemed',
      to: 'traveller@example.com',
      createdAt: started.obj.dueAt,
    });
    expect(mail?.codes.map((c) => c.lpa)).toEqual(codes.map((c) => state.codes[c]?.lpa));
    const qr = queryQrCode(state, codes[0]!);
    expect(qr).toEqual({
      ok: true,
      obj: { redeemCode: codes[0], qrToken: record.qrToken, lpa: record.lpa },
    });
  });

  it('moves codes 1 → 3 and mails the reason when a failure was injected', () => {
    const state = account();
    const ctx = makeContext();
    const codes = buyCodes(state, ctx, 1);
    value(failNextRedemptions(on(state), failNextRedemptionSchema.parse({ reason: 'profile pool empty' })));
    const started = startRedemption(on(state, ctx), redeemRequest(codes));
    if (!started.ok) throw new Error(started.error.msg);
    const mail = completeRedemption(on(state, { ...ctx, now: started.obj.dueAt }), started.obj.id);
    expect(statuses(state, codes)).toEqual([3]);
    expect(state.codes[codes[0]!]?.failureReason).toBe('profile pool empty');
    expect(mail).toMatchObject({ kind: 'redemption_failed', failureReason: 'profile pool empty' });
    expect(queryQrCode(state, codes[0]!)).toMatchObject({ ok: false, error: { code: 7 } });
  });

  it('lets a failed code be redeemed again, and uses an injected failure only once', () => {
    const state = account();
    const ctx = makeContext();
    const codes = buyCodes(state, ctx, 1);
    value(failNextRedemptions(on(state), failNextRedemptionSchema.parse({})));
    const first = startRedemption(on(state, ctx), redeemRequest(codes));
    if (!first.ok) throw new Error(first.error.msg);
    completeRedemption(on(state, ctx), first.obj.id);
    const second = startRedemption(on(state, ctx), redeemRequest(codes));
    if (!second.ok) throw new Error(second.error.msg);
    completeRedemption(on(state, ctx), second.obj.id);
    expect(statuses(state, codes)).toEqual([2]);
    expect(state.codes[codes[0]!]?.failureReason).toBeUndefined();
  });

  it.each([
    ['an unknown code', (_: string[]) => ['nosuchcode123'], /nosuchcode123 does not exist/],
    ['a code listed twice', (c: string[]) => [c[0]!, c[0]!], /is listed twice/],
    ['a code being redeemed', (c: string[]) => [c[1]!], /is already being redeemed/],
    ['a redeemed code', (c: string[]) => [c[2]!], /has already been redeemed/],
  ])('refuses %s with code 7 and changes no code in the request', (_, pick, msg) => {
    const state = account();
    const ctx = makeContext();
    const codes = buyCodes(state, ctx, 4);
    const busy = startRedemption(on(state, ctx), redeemRequest([codes[1]!]));
    const done = startRedemption(on(state, ctx), redeemRequest([codes[2]!]));
    if (!busy.ok || !done.ok) throw new Error('setup failed');
    completeRedemption(on(state, ctx), done.obj.id);
    const before = structuredClone(state);
    const result = startRedemption(on(state, ctx), redeemRequest([codes[3]!, ...pick(codes)]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(7);
    expect(result.error.msg).toMatch(msg);
    expect(state).toEqual(before);
  });

  it('accepts a code until the end of its expiry day and refuses it with code 7 afterwards', () => {
    const state = account();
    const ctx = makeContext({ behaviour: { codeValidityDays: 10 } });
    const [a, b] = buyCodes(state, ctx, 2);
    const lastMs = Date.parse(`${state.codes[a!]!.expire_at}T23:59:59.999Z`);
    expect(lastMs).toBe(Date.UTC(2024, 5, 11, 23, 59, 59, 999));
    expect(startRedemption(on(state, { ...ctx, now: lastMs }), redeemRequest([a!])).ok).toBe(true);
    const late = startRedemption(on(state, { ...ctx, now: lastMs + 1 }), redeemRequest([b!]));
    expect(late).toEqual({
      ok: false,
      error: {
        code: 7,
        msg: `Redeem code has been redeemed or does not exist: ${b} expired on 2024-06-11`,
      },
    });
    expect(queryCodes(on(state, ctx), state.codes[b!]!.orderId)).toMatchObject({ ok: true });
    expect(state.codes[b!]?.status).toBe(0);
  });

  it.each([
    [1, 3_000],
    [5, 7_000],
    [20, 22_000],
  ])('waits longer the more codes are redeemed: %i codes take %i ms by default', (count, ms) => {
    expect(redemptionDelayMs(makeContext().behaviour, count)).toBe(ms);
  });

  it('uses the configured redemption delay', () => {
    const ctx = makeContext({ behaviour: { redemptionDelay: { baseMs: 0, perCodeMs: 60_000 } } });
    expect(redemptionDelayMs(ctx.behaviour, 3)).toBe(180_000);
  });

  it('changes nothing when a redemption is completed twice', () => {
    const state = account();
    const ctx = makeContext();
    const codes = buyCodes(state, ctx, 1);
    const started = startRedemption(on(state, ctx), redeemRequest(codes));
    if (!started.ok) throw new Error(started.error.msg);
    completeRedemption(on(state, ctx), started.obj.id);
    const after = structuredClone(state);
    expect(completeRedemption(on(state, { ...ctx, now: T0 + DAY }), started.obj.id)).toBeUndefined();
    expect(state).toEqual(after);
  });
});
