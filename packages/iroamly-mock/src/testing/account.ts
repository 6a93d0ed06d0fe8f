/**
 * @module
 * The account a test gets: the mock's control handle bound to one fresh account, where it is served, and a client.
 */
import { IroamlyClient, type IroamlyClientOptions } from '@esim-sandbox/core';
import type { CatalogExport } from '../catalog/load.js';
import type { MessageWithQr } from '../control/view.js';
import type { IroamlyMock } from '../mock/create.js';
import type { IroamlyAccountParams } from '../mock/options.js';
import type { IroamlyTenant } from '../mock/runtime.js';
import type { FailNextRedemptionInput } from '../operations/control.js';
import type { RenderedMessage } from '../state/outbox.js';
import type { AccountState } from '../state/types.js';

export interface IroamlyTestAccount {
  /** The engine's tenant: clock, scheduler, reset, snapshot. */
  readonly tenant: IroamlyTenant;
  readonly authKey: string;
  readonly authSecret: string;
  /** Where this account is served: `https://api.iroamly.shop` (msw) or `http://127.0.0.1:PORT` (http). */
  readonly baseUrl: string;
  /** Faults on this account's requests: `faults.add({ path: '/openapi/purchaseCode', times: 1, action: ... })`. */
  readonly faults: IroamlyTenant['faults'];
  /** Every request this account received, secrets redacted. */
  readonly journal: IroamlyTenant['journal'];
  /** A deep copy of the account's provider state (orders, codes, outbox). */
  state(): AccountState;
  /** Moves this account's virtual clock; redemptions due on the way complete. */
  advance(ms: number): Promise<void>;
  /** Balance in 1/100 credit. */
  balance(): number;
  setBalance(balance: number): number;
  /** Mails the provider "sent", oldest first; `to` filters by recipient. */
  outbox(to?: string): RenderedMessage[];
  /** One mail with its QR images inline. */
  message(messageId: string): Promise<MessageWithQr | undefined>;
  /** The next accepted redemption(s) end in status 3. */
  failNextRedemption(input?: FailNextRedemptionInput): number;
  /** Every product with its integer price. */
  catalog(): CatalogExport;
  /** A core client for this account on `baseUrl`. */
  client(options?: Partial<IroamlyClientOptions>): IroamlyClient;
}

/** A fresh account on `mock`, wrapped for a test that reaches the mock on `baseUrl`. */
export function openTestAccount(
  mock: IroamlyMock,
  params: IroamlyAccountParams | undefined,
  baseUrl: string,
): IroamlyTestAccount {
  const { control } = mock;
  const tenant = mock.emulator.createAccount({ params });
  const id = tenant.id;
  return {
    tenant,
    authKey: tenant.key,
    authSecret: tenant.secret,
    baseUrl,
    faults: tenant.faults,
    journal: tenant.journal,
    state: () => structuredClone(tenant.state),
    advance: (ms) => control.advance(ms, id),
    balance: () => control.balance(id),
    setBalance: (balance) => control.setBalance(balance, id),
    outbox: (to) => control.outbox(id, to),
    message: (messageId) => control.message(messageId, id),
    failNextRedemption: (input) => control.failNextRedemption(input, id),
    catalog: () => control.catalog(),
    client: (options) =>
      new IroamlyClient({ authKey: tenant.key, authSecret: tenant.secret, baseUrl, ...options }),
  };
}
