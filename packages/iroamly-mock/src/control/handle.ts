/**
 * @module
 * The typed control handle: the mock's own back doors, in process. Generic ones (clock, faults, journal, reset,
 * snapshot) are on the engine's tenant: `control.account().advance(ms)`, `.faults.add(...)`, `.journal.list()`.
 * Bad input throws core's InvalidArgumentError naming the field.
 */
import { IROAMLY_DEFAULT_BASE_URL, parseArguments } from '@esim-sandbox/core';
import { type CatalogExport, exportCatalog } from '../catalog/load.js';
import type { IroamlyEmulator, IroamlyRuntime, IroamlyTenant } from '../mock/runtime.js';
import {
  type FailNextRedemptionInput,
  failNextRedemptionSchema,
  failNextRedemptions,
  setBalance,
  setBalanceSchema,
} from '../operations/control.js';
import type { RenderedMessage } from '../state/outbox.js';
import { type MessageWithQr, messageView, outboxView } from './view.js';

export interface IroamlyControl {
  /** The engine's tenant ('default' or an AuthKey): clock, scheduler, faults, journal, reset, snapshot. */
  account(id?: string): IroamlyTenant;
  /** Every product with its integer price. */
  catalog(): CatalogExport;
  /** Balance in 1/100 credit. */
  balance(account?: string): number;
  setBalance(balance: number, account?: string): number;
  /** Mails "sent" by the provider, oldest first; `to` filters by recipient. */
  outbox(account?: string, to?: string): RenderedMessage[];
  /** One mail with its QR images inline; undefined when the id is unknown. */
  message(messageId: string, account?: string): Promise<MessageWithQr | undefined>;
  /** The next `count` accepted redemptions end in status 3. Returns how many failures are queued. */
  failNextRedemption(input?: FailNextRedemptionInput, account?: string): number;
  /** Moves the account's virtual clock, running what falls due (redemptions complete). */
  advance(ms: number, account?: string): Promise<void>;
}

export function createControlHandle(rt: IroamlyRuntime, emulator: IroamlyEmulator): IroamlyControl {
  const account = (id?: string) => emulator.account(id);
  const base = () => rt.http.publicBaseUrl ?? IROAMLY_DEFAULT_BASE_URL;
  const changed = (tenant: IroamlyTenant) => tenant.markChanged();
  return {
    account,
    catalog: () => exportCatalog(rt.catalog),
    balance: (id) => account(id).state.balance,
    setBalance: (balance, id) => {
      const tenant = account(id);
      const result = setBalance(tenant.state, parseArguments(setBalanceSchema, { balance }, 'input'));
      changed(tenant);
      return result;
    },
    outbox: (id, to) => outboxView(account(id).state, base(), to),
    message: (messageId, id) => messageView(account(id).state, messageId, base()),
    failNextRedemption: (input = {}, id) => {
      const tenant = account(id);
      const queued = failNextRedemptions(
        tenant.state,
        parseArguments(failNextRedemptionSchema, input, 'input'),
      );
      changed(tenant);
      return queued;
    },
    advance: (ms, id) => account(id).advance(ms),
  };
}
