/**
 * @module
 * iRoamly's own control routes, as tables the engine mounts and documents: per account under
 * `/_sandbox/accounts/:account/` (the engine adds clock, faults, journal, reset, snapshot), and the catalogue
 * directly under `/_sandbox/`. Bodies are validated with each entry's schema: HTTP 400 naming the field.
 */
import { type AccountEnv, type ControlRoute, controlRoute, EmulatorError } from '@esim-sandbox/emulator';
import type { Context, Env } from 'hono';
import { z } from 'zod';
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
import {
  controlPurchase,
  orderInputSchema,
  runTrigger,
  TRIGGER_KINDS,
  triggerInputSchema,
} from '../operations/trigger.js';
import { renderOutboxMessage } from '../state/outbox.js';
import type { IroamlyFailure } from '../state/result.js';
import type { AccountState } from '../state/types.js';

type AccountRoutesEnv = AccountEnv<AccountState, IroamlyAccountParams>;

const route = controlRoute<AccountRoutesEnv>();

const balanceView = (balance: number) => ({
  balance,
  unit: '1/100 credit',
  credit: balance / MINOR_UNITS_PER_CREDIT,
});

const refused = {
  status: 409,
  description: "The provider refused: `{ error: { code, message } }` with the provider's code.",
};

function refusal(c: Context, failure: IroamlyFailure): Response {
  return c.json({ error: { code: String(failure.code), message: failure.msg } }, 409);
}

export function iroamlyControlRoutes(rt: IroamlyRuntime): ControlRoute<AccountRoutesEnv>[] {
  return [
    route({
      method: 'get',
      path: '/balance',
      summary: 'Balance',
      response: { description: '`{ balance, unit, credit }`: balance in 1/100 credit' },
      handle: (c) => c.json(balanceView(c.var.tenant.state.balance)),
    }),
    route({
      method: 'put',
      path: '/balance',
      summary: 'Set the balance',
      body: setBalanceSchema,
      response: { description: '`{ balance, unit, credit }`' },
      handle: (c, { body }) => {
        const balance = setBalance(c.var.tenant.state, body);
        c.var.tenant.markChanged();
        return c.json(balanceView(balance));
      },
    }),
    route({
      method: 'get',
      path: '/outbox',
      summary: 'Mails the provider sent: codes, QR codes, failures',
      query: z.object({ to: z.string().optional() }),
      response: { description: '`{ messages }`, oldest first; `to` filters by recipient' },
      handle: (c, { query }) =>
        c.json({ messages: outboxView(c.var.tenant.state, publicBase(c, rt), query.to) }),
    }),
    route({
      method: 'get',
      path: '/outbox/:id',
      summary: 'One mail, its QR images inline',
      response: { description: 'The mail, each code with `qrPngDataUrl`.' },
      errors: [{ status: 404, description: 'No such message.' }],
      handle: async (c) => {
        const id = c.req.param('id') ?? '';
        const message = await messageView(c.var.tenant.state, id, publicBase(c, rt));
        if (message) return c.json(message);
        throw new EmulatorError('NOT_FOUND', `no message '${id}'`, { field: 'id' });
      },
    }),
    route({
      method: 'post',
      path: '/orders',
      summary: 'Purchase codes as purchaseCode would, without credentials',
      description: 'Same checks and debit as purchaseCode (and the same mail).',
      body: orderInputSchema,
      response: { description: '`{ orderId, codes }`' },
      errors: [refused],
      handle: (c, { body }) => {
        const order = controlPurchase(rt, c.var.tenant, body);
        return order.ok
          ? c.json({ orderId: order.value.orderId, codes: order.value.codes })
          : refusal(c, order.failure);
      },
    }),
    route({
      method: 'post',
      path: '/trigger',
      summary: 'Make the fake send one mail of a kind, as the provider would (iRoamly sends no webhooks)',
      description: `One of ${TRIGGER_KINDS.join(', ')}. Without \`redeemCode\` a code is purchased first; a redemption moves the account's clock to its completion.`,
      body: triggerInputSchema,
      response: { description: '`{ type, steps, created, messages }`' },
      errors: [refused],
      handle: async (c, { body }) => {
        const result = await runTrigger(rt, c.var.tenant, body);
        if (!result.ok) return refusal(c, result.failure);
        const base = publicBase(c, rt);
        return c.json({
          ...result.value,
          messages: result.value.messages.map((m) => renderOutboxMessage(m, base)),
        });
      },
    }),
    route({
      method: 'post',
      path: '/redemptions/fail-next',
      summary: 'The next accepted redemptions end in status 3',
      body: failNextRedemptionSchema,
      response: { description: '`{ pending }`: failures now queued' },
      handle: (c, { body }) => {
        const pending = failNextRedemptions(c.var.tenant.state, body);
        c.var.tenant.markChanged();
        return c.json({ pending });
      },
    }),
  ];
}

/** The catalogue is the same for every account, so it sits directly under /_sandbox/. */
export function iroamlyGlobalControlRoutes(rt: IroamlyRuntime): ControlRoute<Env>[] {
  return [
    controlRoute<Env>()({
      method: 'get',
      path: '/catalog',
      summary: 'Every product with its integer price',
      response: { description: 'The catalogue export; `loadCatalog` reads it back.' },
      handle: (c) => c.json(exportCatalog(rt.catalog)),
    }),
  ];
}
