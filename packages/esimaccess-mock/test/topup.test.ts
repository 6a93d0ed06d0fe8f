import { describe, expect, it } from 'vitest';
import { addUsage, expireProfile, installProfile } from '../src/ops/device.js';
import { placeOrder } from '../src/ops/order.js';
import { topUp } from '../src/ops/topup.js';
import { DAY_MS, formatProviderTime } from '../src/state/time.js';
import { basePackage, testCatalog, type World, world } from './builders.js';

const base = basePackage((p) => p.supportTopUpType === 2 && p.activeType === 1);
const topUpPkg = testCatalog().topUpsFor(base)[0]!;

function profileOf(w: World): string {
  const { orderNo } = w.ok((ctx) =>
    placeOrder(ctx, {
      transactionId: `o${w.now}`,
      packageInfoList: [{ packageCode: base.packageCode, count: 1 }],
    }),
  );
  w.advance(w.behaviour.allocationDelayMs);
  return w.state.orders[orderNo]!.esimTranNos[0]!;
}

const request = (esimTranNo: string, transactionId = 'top-1') => ({
  esimTranNo,
  packageCode: topUpPkg.packageCode,
  transactionId,
});

describe('top-up', () => {
  it('adds volume and days to an active profile, moves expiry out and charges the top-up price', () => {
    const w = world();
    const id = profileOf(w);
    w.ok((ctx) => installProfile(ctx, { esimTranNo: id }));
    const expiresAt = w.state.profiles[id]!.expiresAt!;
    const balance = w.state.balance;
    const obj = w.ok((ctx) => topUp(ctx, request(id)));
    expect(obj).toMatchObject({
      transactionId: 'top-1',
      totalVolume: base.volume + topUpPkg.volume,
      totalDuration: base.duration + topUpPkg.duration,
      orderUsage: 0,
      expiredTime: formatProviderTime(expiresAt + topUpPkg.duration * DAY_MS),
    });
    expect(obj.topUpEsimTranNo).toMatch(/^\d{14}$/);
    expect(w.state.balance).toBe(balance - topUpPkg.price);
    expect(w.state.profiles[id]!.packages.map((p) => p.packageCode)).toEqual([
      base.packageCode,
      topUpPkg.packageCode,
    ]);
  });

  it('brings a depleted profile back into use', () => {
    const w = world();
    const id = profileOf(w);
    w.ok((ctx) => installProfile(ctx, { esimTranNo: id }));
    w.ok((ctx) => addUsage(ctx, { esimTranNo: id }, base.volume));
    expect(w.state.profiles[id]!.esimStatus).toBe('USED_UP');
    w.ok((ctx) => topUp(ctx, request(id)));
    expect(w.state.profiles[id]!.esimStatus).toBe('IN_USE');
  });

  it('replays the same answer for a repeated transactionId without charging again', () => {
    const w = world();
    const id = profileOf(w);
    const first = w.ok((ctx) => topUp(ctx, request(id)));
    const balance = w.state.balance;
    expect(w.ok((ctx) => topUp(ctx, request(id)))).toEqual(first);
    expect(w.state.balance).toBe(balance);
  });

  it.each([
    [
      'an expired profile',
      200002,
      (w: World, id: string) => w.ok((ctx) => expireProfile(ctx, { esimTranNo: id })),
    ],
    ['a wrong amount', 200006, () => undefined],
    [
      'too little balance',
      200007,
      (w: World) => {
        w.state.balance = 0;
      },
    ],
  ] as const)('refuses %s with %s and changes nothing', (what, code, prepare) => {
    const w = world();
    const id = profileOf(w);
    prepare(w, id);
    const before = structuredClone(w.state);
    const body =
      what === 'a wrong amount' ? { ...request(id), amount: String(topUpPkg.price + 1) } : request(id);
    expect(w.run((ctx) => topUp(ctx, body))).toMatchObject({ ok: false, error: { code: String(code) } });
    expect(w.state).toEqual(before);
  });

  it('refuses a package that is not a top-up of the profile (200008) and an unknown one (310241)', () => {
    const w = world();
    const id = profileOf(w);
    const otherTopUp = testCatalog().catalog.packages.find(
      (p) => p.packageCode.startsWith('TOPUP_') && p.location !== base.location,
    )!;
    expect(w.run((ctx) => topUp(ctx, { ...request(id), packageCode: otherTopUp.packageCode }))).toMatchObject(
      { ok: false, error: { code: '200008' } },
    );
    expect(w.run((ctx) => topUp(ctx, { ...request(id), packageCode: 'TOPUP_NOPE' }))).toMatchObject({
      ok: false,
      error: { code: '310241' },
    });
  });
});
