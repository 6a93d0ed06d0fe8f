/**
 * Provider routes of the control API, under `/_sandbox/accounts/:account/` beside the engine's own (clock, journal,
 * faults, webhooks...), as one table: the engine mounts it and generates the control document from it. Bodies are
 * validated with each entry's schema (400 naming the field); provider refusals come back as
 * `{ error: { code, message } }` with the provider's code: 404 for an unknown order or profile, 409 for a move the
 * lifecycle does not allow.
 * @module
 */
import { type EsimAccessErrorKind, getEsimAccessErrorCode } from '@esim-sandbox/core';
import {
  type AccountEnv,
  answer,
  type ControlErrorKind,
  type ControlRoute,
  controlResult,
  controlRoute,
  type RefusalKind,
  refusalDoc,
} from '@esim-sandbox/emulator';
import type { Context } from 'hono';
import type { OpResult } from '../ops/context.js';
import type { DeviceAction } from '../ops/device.js';
import type { EsimAccessAccountParams } from '../runtime/options.js';
import type { EsimAccessRuntime } from '../runtime/runtime.js';
import type { EsimAccessAccountState } from '../state/types.js';
import {
  balanceInputSchema,
  controlAddUsage,
  controlAllocate,
  controlDevice,
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
import { controlOrder, orderInputSchema, runTrigger, TRIGGER_TYPES, triggerInputSchema } from './trigger.js';

type Env = AccountEnv<EsimAccessAccountState, EsimAccessAccountParams>;

/** The control kind of each kind of core's error table: an unknown id is 404, a refused lifecycle move 409. */
const CONTROL_KIND: Record<EsimAccessErrorKind, ControlErrorKind> = {
  not_found: 'not_found',
  state: 'conflict',
  validation: 'invalid',
  auth: 'invalid',
  rate_limit: 'invalid',
  server: 'invalid',
};

export const esimAccessControlKind: RefusalKind = (code) =>
  CONTROL_KIND[getEsimAccessErrorCode(code)?.kind ?? 'validation'];

function opAnswer<T>(c: Context, result: OpResult<T>): Response {
  return controlResult(c, result, esimAccessControlKind);
}

const route = controlRoute<Env>();

const notFound = (what: string) => refusalDoc('not_found', `Unknown ${what} (the provider's code).`);
const lifecycle = refusalDoc('conflict', 'The lifecycle does not allow it (200002).');

/** What a device does to an installed profile; esimStatus stays, the SM-DP+ status changes (SMDP_EVENT). */
const DEVICE_ROUTES: readonly {
  path: string;
  action: DeviceAction;
  summary: string;
  description: string;
}[] = [
  {
    path: 'disable',
    action: 'disable',
    summary: 'The phone disables the profile',
    description: 'ENABLED to DISABLED; a disabled profile uses no data.',
  },
  {
    path: 'enable',
    action: 'reenable',
    summary: 'The phone enables a disabled profile again',
    description: 'DISABLED to ENABLED.',
  },
  {
    path: 'delete',
    action: 'delete',
    summary: 'The user deletes the profile from the phone',
    description: 'ENABLED or DISABLED to DELETED, for good: no data, no top-up.',
  },
];

export function esimAccessControlRoutes(rt: EsimAccessRuntime): ControlRoute<Env>[] {
  const esimTranNo = (c: Context<Env>) => ({ esimTranNo: c.req.param('esimTranNo') ?? '' });
  return [
    route({
      method: 'get',
      path: '/balance',
      summary: 'Balance and ledger',
      response: { description: '`{ balance, ledger }` in 1/10,000 USD' },
      handle: (c) =>
        answer(c, 200, { balance: c.var.tenant.state.balance, ledger: c.var.tenant.state.ledger }),
    }),
    route({
      method: 'put',
      path: '/balance',
      summary: 'Set the balance',
      body: balanceInputSchema,
      response: { description: '`{ balance }`' },
      handle: (c, { body }) => {
        controlSetBalance(c.var.tenant, body.balance);
        return answer(c, 200, { balance: body.balance });
      },
    }),
    route({
      method: 'get',
      path: '/stock',
      summary: 'Profiles left per package',
      response: { description: '`{ stock }`: packageCode -> count; absent = unlimited' },
      handle: (c) => answer(c, 200, { stock: c.var.tenant.state.stock }),
    }),
    route({
      method: 'put',
      path: '/stock/:packageCode',
      summary: 'Set the stock of a package (null = unlimited)',
      description: 'An order for a package without stock answers 200011.',
      body: stockInputSchema,
      response: { description: '`{ packageCode, count }`' },
      errors: [notFound('package')],
      handle: (c, { body }) =>
        opAnswer(c, controlSetStock(rt, c.var.tenant, c.req.param('packageCode') ?? '', body.count)),
    }),
    route({
      method: 'get',
      path: '/orders',
      summary: 'Every order of the account',
      response: { description: '`{ orders }`' },
      handle: (c) => answer(c, 200, { orders: Object.values(c.var.tenant.state.orders) }),
    }),
    route({
      method: 'post',
      path: '/orders',
      summary: 'Place an order as esim/order would, without signing a request',
      description:
        'Same checks, debit and allocation delay as esim/order; `transactionId` defaults to a fresh one.',
      body: orderInputSchema,
      response: { description: '`{ orderNo, transactionId }`' },
      errors: [notFound('package')],
      handle: (c, { body }) => opAnswer(c, controlOrder(rt, c.var.tenant, body)),
    }),
    route({
      method: 'post',
      path: '/trigger',
      summary: 'Make the fake send one webhook of a notifyType, as the provider would',
      description: `One of ${TRIGGER_TYPES.join(', ')}. Without \`esimTranNo\` a profile is ordered and allocated first; DATA_USAGE adds the usage that crosses the next threshold, VALIDITY_USAGE moves the clock to a day before the end of validity, ESIM_STATUS activates the profile (or, once active, moves the clock to its expiry). Answers after the first attempt of every webhook it caused.`,
      body: triggerInputSchema,
      response: { description: '`{ notifyType, steps, created, profile, deliveries, note }`' },
      errors: [notFound('profile or package'), lifecycle],
      handle: async (c, { body }) => opAnswer(c, await runTrigger(rt, c.var.tenant, body)),
    }),
    route({
      method: 'get',
      path: '/orders/:orderNo',
      summary: 'One order',
      response: { description: 'The order record.' },
      errors: [notFound('order')],
      handle: (c) => opAnswer(c, findOrder(c.var.tenant, c.req.param('orderNo') ?? '')),
    }),
    route({
      method: 'post',
      path: '/orders/:orderNo/allocate',
      summary: 'Allocate an order now, skipping the allocation delay',
      response: { description: 'The order record.' },
      errors: [notFound('order'), lifecycle],
      handle: (c) => opAnswer(c, controlAllocate(rt, c.var.tenant, c.req.param('orderNo') ?? '')),
    }),
    route({
      method: 'get',
      path: '/profiles',
      summary: 'Every profile of the account',
      response: { description: '`{ profiles }`' },
      handle: (c) => answer(c, 200, { profiles: Object.values(c.var.tenant.state.profiles) }),
    }),
    route({
      method: 'get',
      path: '/profiles/:esimTranNo',
      summary: 'One profile',
      response: { description: 'The profile record.' },
      errors: [notFound('profile')],
      handle: (c) => opAnswer(c, findProfileCopy(c.var.tenant, c.req.param('esimTranNo') ?? '')),
    }),
    route({
      method: 'post',
      path: '/profiles/:esimTranNo/install',
      summary: 'A phone downloads, installs and enables the profile',
      description: 'DOWNLOAD, INSTALLATION, ENABLED (then IN_USE for activeType 1), or stop at `until`.',
      body: installInputSchema,
      response: { description: 'The profile record.' },
      errors: [notFound('profile'), lifecycle],
      handle: (c, { body }) => opAnswer(c, controlInstall(rt, c.var.tenant, esimTranNo(c), body)),
    }),
    ...DEVICE_ROUTES.map(({ path, action, summary, description }) =>
      route({
        method: 'post',
        path: `/profiles/:esimTranNo/${path}`,
        summary,
        description,
        response: { description: 'The profile record.' },
        errors: [notFound('profile'), lifecycle],
        handle: (c) => opAnswer(c, controlDevice(rt, c.var.tenant, esimTranNo(c), action)),
      }),
    ),
    route({
      method: 'post',
      path: '/profiles/:esimTranNo/usage',
      summary: 'The device uses data',
      description: 'First use activates; DATA_USAGE at 50/80/90 % used; USED_UP at 100 %.',
      body: usageInputSchema,
      response: { description: 'The profile record.' },
      errors: [notFound('profile'), lifecycle],
      handle: (c, { body }) => opAnswer(c, controlAddUsage(rt, c.var.tenant, esimTranNo(c), body.bytes)),
    }),
    route({
      method: 'post',
      path: '/profiles/:esimTranNo/expire',
      summary: 'End the unused period or the validity now',
      response: { description: 'The profile record (UNUSED_EXPIRED or USED_EXPIRED).' },
      errors: [notFound('profile'), lifecycle],
      handle: (c) => opAnswer(c, controlExpire(rt, c.var.tenant, esimTranNo(c))),
    }),
    route({
      method: 'get',
      path: '/sms',
      summary: 'SMS sent with esim/sendSms',
      response: { description: '`{ sms }`' },
      handle: (c) => answer(c, 200, { sms: c.var.tenant.state.sms }),
    }),
  ];
}
