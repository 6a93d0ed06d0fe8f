import { describe, expect, it } from 'vitest';
import { IROAMLY_ENDPOINTS, READ_PATHS } from '../src/http/endpoints.js';
import { createIroamlyMock } from '../src/index.js';
import { REDEMPTION_TASK_KIND } from '../src/ops/context.js';
import { startRedemption } from '../src/ops/redeem.js';
import { account, buyCodes, makeContext, on, T0 } from './builders.js';

describe('the endpoint table', () => {
  it('lists exactly the provider endpoints the app serves', async () => {
    const mock = createIroamlyMock();
    const served = new Set(
      mock.app.routes.map((r) => r.path).filter((p) => p.startsWith('/openapi/') || p.startsWith('/common/')),
    );
    expect([...served].sort()).toEqual(
      Object.values(IROAMLY_ENDPOINTS)
        .map((e) => e.path)
        .sort(),
    );
    await mock.close();
  });

  it('marks the queries and the plan list as reads, and purchase and redeem as writes', () => {
    expect(Object.values(IROAMLY_ENDPOINTS).map((e) => [e.path, READ_PATHS.has(e.path)])).toEqual([
      ['/openapi/purchaseCode', false],
      ['/openapi/codeQuery', true],
      ['/openapi/redeemQRcode', false],
      ['/openapi/qrcodeQuery', true],
      ['/common/getPlanItem', true],
    ]);
  });
});

describe('redemption effects', () => {
  it('a started redemption asks for its completion task at its due time', () => {
    const state = account();
    const codes = buyCodes(state, makeContext(), 2);
    const ctx = on(state);
    const started = startRedemption(ctx, {
      email: 'a@b.co',
      codeList: codes.map((redeemCode) => ({ redeemCode })),
    });
    if (!started.ok) throw new Error(started.error.msg);
    expect(ctx.effects.tasks).toEqual([
      { kind: REDEMPTION_TASK_KIND, at: T0 + 4_000, data: { redemptionId: started.obj.id } },
    ]);
    expect(ctx.effects.webhooks).toEqual([]);
  });

  it('a refused redemption asks for nothing', () => {
    const ctx = on(account());
    const refused = startRedemption(ctx, { email: 'a@b.co', codeList: [{ redeemCode: 'nosuchcode123' }] });
    expect(refused.ok).toBe(false);
    expect(ctx.effects.tasks).toEqual([]);
  });
});
