import { describe, expect, it } from 'vitest';
import { failNextRedemptionSchema, failNextRedemptions } from '../src/operations/control.js';
import { queryCodes, queryQrCode } from '../src/operations/query.js';
import { completeRedemption, redemptionDelayMs, startRedemption } from '../src/operations/redeem.js';
import type { AccountState } from '../src/state/types.js';
import { account, buyCodes, DAY, makeContext, T0 } from './builders.js';

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
    const started = startRedemption(state, redeemRequest(codes), ctx);
    if (!started.ok) throw new Error(started.failure.msg);
    expect(statuses(state, codes)).toEqual([1, 1]);
    expect(started.value.dueAt).toBe(T0 + 2_000 + 2 * 1_000);

    const mail = completeRedemption(state, started.value.id, { ...ctx, now: started.value.dueAt });
    expect(statuses(state, codes)).toEqual([2, 2]);
    const record = state.codes[codes[0]!]!;
    expect(record.lpa).toMatch(/^LPA:1\$rsp\.iroamly-sandbox\.test\$[0-9A-F]{32}$/);
    expect(record.qrToken).toMatch(/^[0-9a-f]{32}$/);
    expect(mail).toMatchObject({
      kind: 'qr_redeemed',
      to: 'traveller@example.com',
      createdAt: started.value.dueAt,
    });
    expect(mail?.codes.map((c) => c.lpa)).toEqual(codes.map((c) => state.codes[c]?.lpa));
    const qr = queryQrCode(state, codes[0]!);
    expect(qr).toEqual({
      ok: true,
      value: { redeemCode: codes[0], qrToken: record.qrToken, lpa: record.lpa },
    });
  });

  it('moves codes 1 → 3 and mails the reason when a failure was injected', () => {
    const state = account();
    const ctx = makeContext();
    const codes = buyCodes(state, ctx, 1);
    failNextRedemptions(state, failNextRedemptionSchema.parse({ reason: 'profile pool empty' }));
    const started = startRedemption(state, redeemRequest(codes), ctx);
    if (!started.ok) throw new Error(started.failure.msg);
    const mail = completeRedemption(state, started.value.id, { ...ctx, now: started.value.dueAt });
    expect(statuses(state, codes)).toEqual([3]);
    expect(state.codes[codes[0]!]?.failureReason).toBe('profile pool empty');
    expect(mail).toMatchObject({ kind: 'redemption_failed', failureReason: 'profile pool empty' });
    expect(queryQrCode(state, codes[0]!)).toMatchObject({ ok: false, failure: { code: 7 } });
  });

  it('lets a failed code be redeemed again, and uses an injected failure only once', () => {
    const state = account();
    const ctx = makeContext();
    const codes = buyCodes(state, ctx, 1);
    failNextRedemptions(state, failNextRedemptionSchema.parse({}));
    const first = startRedemption(state, redeemRequest(codes), ctx);
    if (!first.ok) throw new Error(first.failure.msg);
    completeRedemption(state, first.value.id, ctx);
    const second = startRedemption(state, redeemRequest(codes), ctx);
    if (!second.ok) throw new Error(second.failure.msg);
    completeRedemption(state, second.value.id, ctx);
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
    const busy = startRedemption(state, redeemRequest([codes[1]!]), ctx);
    const done = startRedemption(state, redeemRequest([codes[2]!]), ctx);
    if (!busy.ok || !done.ok) throw new Error('setup failed');
    completeRedemption(state, done.value.id, ctx);
    const before = structuredClone(state);
    const result = startRedemption(state, redeemRequest([codes[3]!, ...pick(codes)]), ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure.code).toBe(7);
    expect(result.failure.msg).toMatch(msg);
    expect(state).toEqual(before);
  });

  it('accepts a code until the end of its expiry day and refuses it with code 7 afterwards', () => {
    const state = account();
    const ctx = makeContext({ behaviour: { codeValidityDays: 10 } });
    const [a, b] = buyCodes(state, ctx, 2);
    const lastMs = Date.parse(`${state.codes[a!]!.expire_at}T23:59:59.999Z`);
    expect(lastMs).toBe(Date.UTC(2024, 5, 11, 23, 59, 59, 999));
    expect(startRedemption(state, redeemRequest([a!]), { ...ctx, now: lastMs }).ok).toBe(true);
    const late = startRedemption(state, redeemRequest([b!]), { ...ctx, now: lastMs + 1 });
    expect(late).toEqual({
      ok: false,
      failure: {
        code: 7,
        msg: `Redeem code has been redeemed or does not exist: ${b} expired on 2024-06-11`,
      },
    });
    expect(queryCodes(state, state.codes[b!]!.orderId, ctx)).toMatchObject({ ok: true });
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
    const started = startRedemption(state, redeemRequest(codes), ctx);
    if (!started.ok) throw new Error(started.failure.msg);
    completeRedemption(state, started.value.id, ctx);
    const after = structuredClone(state);
    expect(completeRedemption(state, started.value.id, { ...ctx, now: T0 + DAY })).toBeUndefined();
    expect(state).toEqual(after);
  });
});
