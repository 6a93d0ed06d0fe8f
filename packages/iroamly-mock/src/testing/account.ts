/**
 * @module
 * The account a test gets: the typed control handle of a fresh account, where it is served, and a client for it.
 */
import { IroamlyClient, type IroamlyClientOptions } from '@esim-sandbox/core';
import type { CatalogExport } from '../catalog/load.js';
import type { IroamlyAccountControl } from '../control/handle.js';
import type { IroamlyMock } from '../mock/create.js';
import type { IroamlyAccountParams } from '../runtime/options.js';
import type { IroamlyTenant } from '../runtime/runtime.js';

export interface IroamlyTestAccount extends IroamlyAccountControl {
  /** Where this account is served: `https://api.iroamly.shop` (msw) or `http://127.0.0.1:PORT` (http). */
  readonly baseUrl: string;
  /** Faults on this account's requests: `faults.add({ path: '/openapi/purchaseCode', times: 1, action: ... })`. */
  readonly faults: IroamlyTenant['faults'];
  /** Every request this account received, secrets redacted. */
  readonly journal: IroamlyTenant['journal'];
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
  const control = mock.control.account(mock.emulator.createAccount({ params }).id);
  const { tenant } = control;
  return {
    ...control,
    baseUrl,
    faults: tenant.faults,
    journal: tenant.journal,
    catalog: () => mock.control.catalog(),
    client: (options) =>
      new IroamlyClient({ authKey: tenant.key, authSecret: tenant.secret, baseUrl, ...options }),
  };
}
