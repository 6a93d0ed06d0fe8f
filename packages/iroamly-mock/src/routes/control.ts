/**
 * @module
 * iRoamly's own control routes under `/_sandbox/accounts/:account/` (the engine adds clock, faults, journal,
 * reset, snapshot). Bodies are validated by the engine's readJson: HTTP 400 naming the field.
 */
import { type AccountEnv, EmulatorError, readJson } from '@esim-sandbox/emulator';
import type { Hono } from 'hono';
import { MINOR_UNITS_PER_CREDIT } from '../catalog/catalog.js';
import { exportCatalog } from '../catalog/load.js';
import { messageView, outboxView } from '../control/view.js';
import type { IroamlyAccountParams } from '../mock/options.js';
import { type IroamlyRuntime, publicBase } from '../mock/runtime.js';
import {
  failNextRedemptionSchema,
  failNextRedemptions,
  setBalance,
  setBalanceSchema,
} from '../operations/control.js';
import type { AccountState } from '../state/types.js';

export function registerControlRoutes(
  app: Hono<AccountEnv<AccountState, IroamlyAccountParams>>,
  rt: IroamlyRuntime,
) {
  const balanceView = (balance: number) => ({
    balance,
    unit: '1/100 credit',
    credit: balance / MINOR_UNITS_PER_CREDIT,
  });

  app.get('/balance', (c) => c.json(balanceView(c.var.tenant.state.balance)));
  app.put('/balance', async (c) => {
    const input = await readJson(c, setBalanceSchema);
    const balance = setBalance(c.var.tenant.state, input);
    c.var.tenant.markChanged();
    return c.json(balanceView(balance));
  });

  app.get('/outbox', (c) =>
    c.json({ messages: outboxView(c.var.tenant.state, publicBase(c, rt), c.req.query('to')) }),
  );
  app.get('/outbox/:id', async (c) => {
    const message = await messageView(c.var.tenant.state, c.req.param('id'), publicBase(c, rt));
    if (message) return c.json(message);
    throw new EmulatorError('NOT_FOUND', `no message '${c.req.param('id')}'`, { field: 'id' });
  });

  app.post('/redemptions/fail-next', async (c) => {
    const input = await readJson(c, failNextRedemptionSchema);
    const pending = failNextRedemptions(c.var.tenant.state, input);
    c.var.tenant.markChanged();
    return c.json({ pending });
  });
}

/** The catalogue is the same for every account, so it sits directly under /_sandbox/. */
export function registerGlobalControlRoutes(app: Hono, rt: IroamlyRuntime) {
  app.get('/catalog', (c) => c.json(exportCatalog(rt.catalog)));
}
