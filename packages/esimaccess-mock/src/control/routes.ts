/**
 * Provider routes of the control API, under `/_sandbox/accounts/:account/` beside the engine's own (clock, journal,
 * faults, webhooks...). Bodies are validated with the engine's `readJson` (400 naming the field); provider refusals
 * come back as `{ error: { code, message } }` with the provider's code: 404 for an unknown order or profile, 409 for
 * a move the lifecycle does not allow.
 * @module
 */
import { type AccountEnv, readJson } from '@esim-sandbox/emulator';
import type { Context, Hono } from 'hono';
import type { EsimAccessAccountParams } from '../mock/options.js';
import type { EsimAccessRuntime } from '../mock/runtime.js';
import type { OpResult } from '../ops/context.js';
import type { EsimAccessAccountState } from '../state/types.js';
import {
  balanceInputSchema,
  controlAddUsage,
  controlAllocate,
  controlExpire,
  controlInstall,
  controlSetBalance,
  controlSetStock,
  findOrder,
  findProfileCopy,
  installInputSchema,
  stockInputSchema,
  usageInputSchema,
} from './actions.js';

type ControlApp = Hono<AccountEnv<EsimAccessAccountState, EsimAccessAccountParams>>;

const NOT_FOUND = new Set(['310272', '310403', '310241']);

function answer<T>(c: Context, result: OpResult<T>): Response {
  if (result.ok) return c.json(result.obj as object);
  const status = NOT_FOUND.has(result.error.code) ? 404 : result.error.code === '200002' ? 409 : 400;
  return c.json({ error: { code: result.error.code, message: result.error.message } }, status);
}

export function registerControlRoutes(app: ControlApp, rt: EsimAccessRuntime): void {
  app.get('/balance', (c) =>
    c.json({ balance: c.var.tenant.state.balance, ledger: c.var.tenant.state.ledger }),
  );
  app.put('/balance', async (c) => {
    const { balance } = await readJson(c, balanceInputSchema);
    controlSetBalance(c.var.tenant, balance);
    return c.json({ balance });
  });

  app.get('/stock', (c) => c.json({ stock: c.var.tenant.state.stock }));
  app.put('/stock/:packageCode', async (c) => {
    const { count } = await readJson(c, stockInputSchema);
    return answer(c, controlSetStock(rt, c.var.tenant, c.req.param('packageCode'), count));
  });

  app.get('/orders', (c) => c.json({ orders: Object.values(c.var.tenant.state.orders) }));
  app.get('/orders/:orderNo', (c) => answer(c, findOrder(c.var.tenant, c.req.param('orderNo'))));
  app.post('/orders/:orderNo/allocate', (c) =>
    answer(c, controlAllocate(rt, c.var.tenant, c.req.param('orderNo'))),
  );

  app.get('/profiles', (c) => c.json({ profiles: Object.values(c.var.tenant.state.profiles) }));
  app.get('/profiles/:esimTranNo', (c) =>
    answer(c, findProfileCopy(c.var.tenant, c.req.param('esimTranNo'))),
  );
  app.post('/profiles/:esimTranNo/install', async (c) => {
    const input = await readJson(c, installInputSchema);
    return answer(c, controlInstall(rt, c.var.tenant, { esimTranNo: c.req.param('esimTranNo') }, input));
  });
  app.post('/profiles/:esimTranNo/usage', async (c) => {
    const { bytes } = await readJson(c, usageInputSchema);
    return answer(c, controlAddUsage(rt, c.var.tenant, { esimTranNo: c.req.param('esimTranNo') }, bytes));
  });
  app.post('/profiles/:esimTranNo/expire', (c) =>
    answer(c, controlExpire(rt, c.var.tenant, { esimTranNo: c.req.param('esimTranNo') })),
  );

  app.get('/sms', (c) => c.json({ sms: c.var.tenant.state.sms }));
}
