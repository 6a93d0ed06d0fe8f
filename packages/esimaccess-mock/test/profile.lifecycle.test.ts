import type { EsimAccessPackage } from '@esim-sandbox/core';
import { describe, expect, it } from 'vitest';
import {
  cancelProfile,
  revokeProfile,
  sendSms,
  suspendProfile,
  unsuspendProfile,
} from '../src/ops/actions.js';
import { addUsage, expireProfile, installProfile } from '../src/ops/device.js';
import { placeOrder } from '../src/ops/order.js';
import { queryProfiles } from '../src/ops/query.js';
import { DAY_MS } from '../src/state/time.js';
import { basePackage, type World, world } from './builders.js';

const pager = { pageNum: 1, pageSize: 50 };

/** Orders one profile of `pkg` and lets allocation run; returns its esimTranNo. */
function allocated(w: World, pkg: EsimAccessPackage): string {
  const { orderNo } = w.ok((ctx) =>
    placeOrder(ctx, {
      transactionId: `t${w.tasks.length}-${w.now}`,
      packageInfoList: [{ packageCode: pkg.packageCode, count: 1 }],
    }),
  );
  w.advance(w.behaviour.allocationDelayMs);
  return w.state.orders[orderNo]!.esimTranNos[0]!;
}

const statusOf = (w: World, esimTranNo: string) => {
  const p = w.state.profiles[esimTranNo]!;
  return [p.esimStatus, p.smdpStatus];
};

const onInstall = basePackage((p) => p.activeType === 1);
const onFirstUse = basePackage((p) => p.activeType === 2);

describe('allocation', () => {
  it('answers 200010 until the allocation delay has passed, then lists the profile and sends ORDER_STATUS', () => {
    const w = world();
    const { orderNo } = w.ok((ctx) =>
      placeOrder(ctx, {
        transactionId: 'a',
        packageInfoList: [{ packageCode: onInstall.packageCode, count: 2 }],
      }),
    );
    expect(w.run((ctx) => queryProfiles(ctx, { orderNo, pager }))).toMatchObject({
      ok: false,
      error: { code: '200010', message: 'the batchOrder has been getting resource, total:[2], success:[0]' },
    });
    w.advance(w.behaviour.allocationDelayMs);
    const { esimList, pager: page } = w.ok((ctx) => queryProfiles(ctx, { orderNo, pager }));
    expect(page.total).toBe(2);
    expect(esimList[0]).toMatchObject({
      orderNo,
      esimStatus: 'GOT_RESOURCE',
      smdpStatus: 'RELEASED',
      eid: '',
      activateTime: null,
    });
    expect(esimList[0]?.qrCodeUrl).toMatch(/^http:\/\/mock\.test\/qr\/[0-9a-f]{32}\.png$/);
    expect(w.webhooks).toEqual([
      expect.objectContaining({
        notifyType: 'ORDER_STATUS',
        content: { orderNo, orderStatus: 'GOT_RESOURCE', transactionId: 'a' },
      }),
    ]);
  });

  it('answers 310272 for an unknown orderNo', () => {
    expect(world().run((ctx) => queryProfiles(ctx, { orderNo: 'B00000000000000', pager }))).toMatchObject({
      ok: false,
      error: { code: '310272' },
    });
  });

  it('answers 310403 for an ICCID that is not in the given order', () => {
    const w = world();
    const id = allocated(w, onInstall);
    const orderNo = w.state.profiles[id]!.orderNo;
    expect(
      w.run((ctx) => queryProfiles(ctx, { orderNo, iccid: '8900000000000000000', pager })),
    ).toMatchObject({ ok: false, error: { code: '310403' } });
  });
});

describe('device lifecycle', () => {
  it('walks DOWNLOAD, INSTALLATION, ENABLED then IN_USE on install for activeType 1, one SMDP_EVENT each', () => {
    const w = world();
    const id = allocated(w, onInstall);
    w.webhooks.length = 0;
    w.ok((ctx) => installProfile(ctx, { esimTranNo: id }));
    const events = w.webhooks
      .filter((h) => h.notifyType === 'SMDP_EVENT')
      .map((h) => [h.content.esimStatus, h.content.smdpStatus]);
    expect(events).toEqual([
      ['GOT_RESOURCE', 'DOWNLOAD'],
      ['GOT_RESOURCE', 'INSTALLATION'],
      ['GOT_RESOURCE', 'ENABLED'],
      ['IN_USE', 'ENABLED'],
    ]);
    expect(w.types()).toContain('ESIM_STATUS');
    expect(w.state.profiles[id]!.eid).toMatch(/^89049032\d{24}$/);
    expect(w.state.profiles[id]!.expiresAt).toBe(w.now + onInstall.duration * DAY_MS);
  });

  it('stays GOT_RESOURCE + ENABLED after install for activeType 2 until the first data use', () => {
    const w = world();
    const id = allocated(w, onFirstUse);
    w.ok((ctx) => installProfile(ctx, { esimTranNo: id }));
    expect(statusOf(w, id)).toEqual(['GOT_RESOURCE', 'ENABLED']);
    w.ok((ctx) => addUsage(ctx, { esimTranNo: id }, 1024));
    expect(statusOf(w, id)).toEqual(['IN_USE', 'ENABLED']);
  });

  it('can stop the install sequence part way and continue it later', () => {
    const w = world();
    const id = allocated(w, onInstall);
    w.ok((ctx) => installProfile(ctx, { esimTranNo: id }, { until: 'DOWNLOAD' }));
    expect(statusOf(w, id)).toEqual(['GOT_RESOURCE', 'DOWNLOAD']);
    w.ok((ctx) => installProfile(ctx, { esimTranNo: id }));
    expect(statusOf(w, id)).toEqual(['IN_USE', 'ENABLED']);
    expect(w.run((ctx) => installProfile(ctx, { esimTranNo: id }))).toMatchObject({
      ok: false,
      error: { code: '200002' },
    });
  });

  it('sends DATA_USAGE once each at 50, 80 and 90 % with the remaining fraction, then USED_UP at 100 %', () => {
    const w = world();
    const id = allocated(w, onInstall);
    w.ok((ctx) => installProfile(ctx, { esimTranNo: id }));
    const total = w.state.profiles[id]!.totalVolume;
    w.webhooks.length = 0;
    for (const share of [0.3, 0.25, 0.01, 0.3, 0.05, 0.2])
      w.ok((ctx) => addUsage(ctx, { esimTranNo: id }, Math.ceil(total * share)));
    const usage = w.webhooks
      .filter((h) => h.notifyType === 'DATA_USAGE')
      .map((h) => h.content.remainThreshold);
    expect(usage).toEqual([0.5, 0.2, 0.1]);
    expect(statusOf(w, id)).toEqual(['USED_UP', 'ENABLED']);
    expect(w.state.profiles[id]!.orderUsage).toBe(total);
    expect(w.webhooks.at(-1)).toMatchObject({
      notifyType: 'ESIM_STATUS',
      content: { esimStatus: 'USED_UP' },
    });
  });
});

describe('expiry on the virtual clock', () => {
  it('expires a profile never used after its unused period (UNUSED_EXPIRED)', () => {
    const w = world();
    const id = allocated(w, onInstall);
    w.advance((onInstall.unusedValidTime ?? 180) * DAY_MS - 1);
    expect(statusOf(w, id)).toEqual(['GOT_RESOURCE', 'RELEASED']);
    w.advance(1);
    expect(statusOf(w, id)).toEqual(['UNUSED_EXPIRED', 'RELEASED']);
  });

  it('warns a day before validity ends (VALIDITY_USAGE) and then expires it (USED_EXPIRED)', () => {
    const w = world();
    const id = allocated(w, onInstall);
    w.ok((ctx) => installProfile(ctx, { esimTranNo: id }));
    w.webhooks.length = 0;
    w.advance((onInstall.duration - 1) * DAY_MS);
    expect(w.webhooks).toEqual([
      expect.objectContaining({
        notifyType: 'VALIDITY_USAGE',
        content: expect.objectContaining({ remain: 1 }),
      }),
    ]);
    w.advance(DAY_MS);
    expect(statusOf(w, id)).toEqual(['USED_EXPIRED', 'ENABLED']);
  });

  it('expires on demand through the same transitions', () => {
    const w = world();
    const id = allocated(w, onInstall);
    w.ok((ctx) => expireProfile(ctx, { esimTranNo: id }));
    expect(statusOf(w, id)).toEqual(['UNUSED_EXPIRED', 'RELEASED']);
  });

  it.each([
    ['never used', false, 'UNUSED_EXPIRED'],
    ['in use', true, 'USED_EXPIRED'],
  ])(
    'gives a profile expired on demand (%s) an expiredTime of now, and the old end passes quietly',
    (_, used, status) => {
      const w = world();
      const id = allocated(w, onInstall);
      if (used) w.ok((ctx) => installProfile(ctx, { esimTranNo: id }));
      w.advance(DAY_MS);
      const expiredAt = w.now;
      w.ok((ctx) => expireProfile(ctx, { esimTranNo: id }));
      const [listed] = w.ok((ctx) => queryProfiles(ctx, { esimTranNo: id, pager })).esimList;
      expect(listed).toMatchObject({
        esimStatus: status,
        expiredTime: `${new Date(expiredAt).toISOString().slice(0, 19)}+0000`,
      });
      const sent = w.webhooks.length;
      w.advance(400 * DAY_MS);
      expect(statusOf(w, id)[0]).toBe(status);
      expect(w.webhooks.slice(sent).filter((hook) => JSON.stringify(hook).includes(id))).toEqual([]);
    },
  );
});

describe('partner actions', () => {
  it('cancels an untouched profile and refunds its price', () => {
    const w = world();
    const id = allocated(w, onInstall);
    const balance = w.state.balance;
    w.ok((ctx) => cancelProfile(ctx, { esimTranNo: id }));
    expect(statusOf(w, id)).toEqual(['CANCEL', 'RELEASED']);
    expect(w.state.balance).toBe(balance + onInstall.price);
  });

  it('refuses to cancel a downloaded profile with 200002 and refunds nothing', () => {
    const w = world();
    const id = allocated(w, onInstall);
    w.ok((ctx) => installProfile(ctx, { esimTranNo: id }, { until: 'DOWNLOAD' }));
    const balance = w.state.balance;
    expect(w.run((ctx) => cancelProfile(ctx, { esimTranNo: id }))).toMatchObject({
      ok: false,
      error: { code: '200002' },
    });
    expect(w.state.balance).toBe(balance);
  });

  it('suspends and unsuspends back to the previous status, by ICCID too', () => {
    const w = world();
    const id = allocated(w, onInstall);
    const { iccid } = w.state.profiles[id]!;
    w.ok((ctx) => installProfile(ctx, { esimTranNo: id }));
    w.ok((ctx) => suspendProfile(ctx, { iccid }));
    expect(statusOf(w, id)).toEqual(['SUSPENDED', 'ENABLED']);
    w.ok((ctx) => unsuspendProfile(ctx, { esimTranNo: id }));
    expect(statusOf(w, id)).toEqual(['IN_USE', 'ENABLED']);
  });

  it('revokes without refund', () => {
    const w = world();
    const id = allocated(w, onInstall);
    const balance = w.state.balance;
    w.ok((ctx) => revokeProfile(ctx, { esimTranNo: id }));
    expect(statusOf(w, id)).toEqual(['REVOKED', 'DELETED']);
    expect(w.state.balance).toBe(balance);
  });

  it('answers 310403 for an unknown profile and for an ICCID and esimTranNo of different profiles', () => {
    const w = world();
    const a = allocated(w, onInstall);
    const b = allocated(w, onInstall);
    expect(w.run((ctx) => suspendProfile(ctx, { esimTranNo: '00000000000000' }))).toMatchObject({
      ok: false,
      error: { code: '310403' },
    });
    expect(
      w.run((ctx) => suspendProfile(ctx, { esimTranNo: a, iccid: w.state.profiles[b]!.iccid })),
    ).toMatchObject({ ok: false, error: { code: '310403' } });
  });

  it('logs an SMS to an installed profile whose package supports SMS and refuses one that does not', () => {
    const w = world();
    const withSms = allocated(
      w,
      basePackage((p) => p.smsStatus !== 0),
    );
    const without = allocated(
      w,
      basePackage((p) => p.smsStatus === 0),
    );
    for (const esimTranNo of [withSms, without]) w.ok((ctx) => installProfile(ctx, { esimTranNo }));
    w.ok((ctx) => sendSms(ctx, { esimTranNo: withSms, message: 'hello' }));
    expect(w.state.sms).toEqual([expect.objectContaining({ esimTranNo: withSms, message: 'hello' })]);
    expect(w.run((ctx) => sendSms(ctx, { esimTranNo: without, message: 'x' }))).toMatchObject({
      ok: false,
      error: { code: '200002' },
    });
  });
});
