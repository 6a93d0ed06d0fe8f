/**
 * @module
 * The typed, in-process twin of the control routes: `mock.control.account(id).setBalance(500)`. Each account's
 * handle is the kit's account control (tenant, state, advance) with iRoamly's verbs; generic back doors (faults,
 * journal, reset, snapshot) are on its `tenant`. Bad input throws core's InvalidArgumentError naming the field.
 */
import { EsimSandboxError, IROAMLY_DEFAULT_BASE_URL, parseArguments } from '@esim-sandbox/core';
import {
  type AccountControl,
  accountControl as baseControl,
  unwrap as unwrapOp,
} from '@esim-sandbox/emulator';
import { type CatalogExport, exportCatalog } from '../catalog/load.js';
import type { IroamlyAccountParams } from '../runtime/options.js';
import { type IroamlyEmulator, type IroamlyRuntime, type IroamlyTenant, runOp } from '../runtime/runtime.js';
import type { RenderedMessage } from '../state/outbox.js';
import type { OpResult } from '../state/result.js';
import type { AccountState } from '../state/types.js';
import {
  type FailNextRedemptionInput,
  failNextRedemptionSchema,
  failNextRedemptions,
  setBalance,
  setBalanceSchema,
} from './actions.js';
import { type MessageWithQr, messageView, outboxView } from './view.js';

/** The kit's account control and iRoamly's verbs. */
export interface IroamlyAccountControl extends AccountControl<AccountState, IroamlyAccountParams> {
  readonly authKey: string;
  readonly authSecret: string;
  /** Balance in 1/100 credit. */
  balance(): number;
  setBalance(balance: number): number;
  /** Mails "sent" by the provider, oldest first; `to` filters by recipient. */
  outbox(to?: string): RenderedMessage[];
  /** One mail with its QR images inline; undefined when the id is unknown. */
  message(messageId: string): Promise<MessageWithQr | undefined>;
  /** The next `count` accepted redemptions end in status 3. Returns how many failures are queued. */
  failNextRedemption(input?: FailNextRedemptionInput): number;
}

export interface IroamlyControl {
  /** By id ('default' or an AuthKey). */
  account(id?: string): IroamlyAccountControl;
  /** Every product with its integer price. */
  catalog(): CatalogExport;
}

/** Handles throw where routes answer: a refusal as the one error root, `code` the provider's code. */
function unwrap<T>(result: OpResult<T>): T {
  return unwrapOp(result, (error) => new EsimSandboxError(String(error.code), error.msg));
}

function accountControl(rt: IroamlyRuntime, tenant: IroamlyTenant): IroamlyAccountControl {
  const base = rt.http.publicBaseUrl ?? IROAMLY_DEFAULT_BASE_URL;
  const persist = { persist: true };
  return {
    ...baseControl(tenant),
    authKey: tenant.key,
    authSecret: tenant.secret,
    balance: () => tenant.state.balance,
    setBalance: (balance) => {
      const input = parseArguments(setBalanceSchema, { balance }, 'input');
      return unwrap(runOp(rt, tenant, (ctx) => setBalance(ctx, input), persist));
    },
    outbox: (to) => outboxView(tenant.state, base, to),
    message: (messageId) => messageView(tenant.state, messageId, base),
    failNextRedemption: (options = {}) => {
      const input = parseArguments(failNextRedemptionSchema, options, 'input');
      return unwrap(runOp(rt, tenant, (ctx) => failNextRedemptions(ctx, input), persist));
    },
  };
}

export function createControlHandle(rt: IroamlyRuntime, emulator: IroamlyEmulator): IroamlyControl {
  return {
    account: (id) => accountControl(rt, emulator.account(id)),
    catalog: () => exportCatalog(rt.catalog),
  };
}
