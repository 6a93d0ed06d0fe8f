/**
 * @module
 * iRoamly's own control routes, as tables the engine mounts and documents: per account under
 * `/_sandbox/accounts/:account/` (the engine adds clock, faults, journal, reset, snapshot), and the catalogue
 * directly under `/_sandbox/`. Bodies are validated with each entry's schema: HTTP 400 naming the field. Provider
 * refusals answer `{ error: { code, message } }` with the provider's code, their status from the kit's table by the
 * kind core's iRoamly code table gives the code.
 */
import { iroamlyCodeInfo, type iroamlyCodes } from '@esim-sandbox/core';
import {
  type AccountEnv,
  answer,
  type ControlErrorKind,
  type ControlRoute,
  controlResult,
  controlRoute,
  EmulatorError,
  type Refusal,
  type RefusalKind,
  refusalDoc,
  refuse,
} from '@esim-sandbox/emulator';
import type { Context, Env } from 'hono';
import { z } from 'zod';
import { MINOR_UNITS_PER_CREDIT } from '../catalog/catalog.js';
import { exportCatalog } from '../catalog/load.js';
import type { IroamlyAccountParams } from '../runtime/options.js';
import { type IroamlyRuntime, publicBase, runOp } from '../runtime/runtime.js';
import { renderOutboxMessage } from '../state/outbox.js';
import { type IroamlyFailure, mapOk, type OpResult } from '../state/result.js';
import type { AccountState } from '../state/types.js';
import { failNextRedemptionSchema, failNextRedemptions, setBalance, setBalanceSchema } from './actions.js';
import {
  controlPurchase,
  orderInputSchema,
  runTrigger,
  TRIGGER_KINDS,
  triggerInputSchema,
} from './trigger.js';
import { messageView, outboxView } from './view.js';

type AccountRoutesEnv = AccountEnv<AccountState, IroamlyAccountParams>;

const route = controlRoute<AccountRoutesEnv>();

const balanceView = (balance: number) => ({
  balance,
  unit: '1/100 credit',
  credit: balance / MINOR_UNITS_PER_CREDIT,
});

/**
 * The control kind of each kind of core's iRoamly code table. Every refusal a control action can meet (unknown or
 * used code, unknown product, short balance, a magic -1) is a conflict with the account's state: 409.
 */
const CONTROL_KIND: Record<(typeof iroamlyCodes)[number]['kind'], ControlErrorKind> = {
  success: 'conflict',
  authentication_failed: 'invalid',
  invalid_parameters: 'invalid',
  product_not_found: 'conflict',
  insufficient_balance: 'conflict',
  redeem_code_unavailable: 'conflict',
  request_failed: 'conflict',
};

export const iroamlyControlKind: RefusalKind = (code) =>
  CONTROL_KIND[iroamlyCodeInfo(Number(code))?.kind ?? 'request_failed'];

const toRefusal = (failure: IroamlyFailure): Refusal => ({
  code: String(failure.code),
  message: failure.msg,
});

/** An operation's result on a control route: the value as JSON, or the refusal with its kind's status. */
export function controlAnswer<T>(c: Context, result: OpResult<T>): Response {
  return controlResult(c, result.ok ? result : refuse(toRefusal(result.error)), iroamlyControlKind);
}

const refused = refusalDoc(
  'conflict',
  "The provider refused: `{ error: { code, message } }` with the provider's code.",
);

export function iroamlyControlRoutes(rt: IroamlyRuntime): ControlRoute<AccountRoutesEnv>[] {
  return [
    route({
      method: 'get',
      path: '/balance',
      summary: 'Balance',
      response: { description: '`{ balance, unit, credit }`: balance in 1/100 credit' },
      handle: (c) => answer(c, 200, balanceView(c.var.tenant.state.balance)),
    }),
    route({
      method: 'put',
      path: '/balance',
      summary: 'Set the balance',
      body: setBalanceSchema,
      response: { description: '`{ balance, unit, credit }`' },
      handle: (c, { body }) => {
        const balance = runOp(rt, c.var.tenant, (ctx) => setBalance(ctx, body), { persist: true });
        return controlAnswer(c, mapOk(balance, balanceView));
      },
    }),
    route({
      method: 'get',
      path: '/outbox',
      summary: 'Mails the provider sent: codes, QR codes, failures',
      query: z.object({ to: z.string().optional() }),
      response: { description: '`{ messages }`, oldest first; `to` filters by recipient' },
      handle: (c, { query }) =>
        answer(c, 200, { messages: outboxView(c.var.tenant.state, publicBase(c, rt), query.to) }),
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
        if (message) return answer(c, 200, message);
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
        return controlAnswer(
          c,
          mapOk(order, ({ orderId, codes }) => ({ orderId, codes })),
        );
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
        if (!result.ok) return controlAnswer(c, result);
        const base = publicBase(c, rt);
        return answer(c, 200, {
          ...result.obj,
          messages: result.obj.messages.map((m) => renderOutboxMessage(m, base)),
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
        const pending = runOp(rt, c.var.tenant, (ctx) => failNextRedemptions(ctx, body), { persist: true });
        return controlAnswer(
          c,
          mapOk(pending, (count) => ({ pending: count })),
        );
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
      handle: (c) => answer(c, 200, exportCatalog(rt.catalog)),
    }),
  ];
}
