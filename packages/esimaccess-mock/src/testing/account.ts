/**
 * The account a test gets: the typed control handle of a fresh account, where it is served, and a client for it.
 * @module
 */
import { EsimAccessClient, type EsimAccessClientOptions } from '@esim-sandbox/core';
import type { EsimAccessAccountControl } from '../control/handle.js';
import type { EsimAccessMock } from '../mock/create.js';
import type { EsimAccessAccountParams } from '../runtime/options.js';
import type { EsimAccessTenant } from '../runtime/runtime.js';

export interface EsimAccessTestAccount extends EsimAccessAccountControl {
  /** Where this account is served: `https://api.esimaccess.com` (msw) or `http://127.0.0.1:PORT` (http). */
  readonly baseUrl: string;
  /** Faults on this account's requests: `faults.add({ path, times, action: { type: 'error', code } })`. */
  readonly faults: EsimAccessTenant['faults'];
  /** Webhook URL, deliveries, redelivery and webhook faults (duplicate, delay, reorder, drop...). */
  readonly webhooks: EsimAccessTenant['webhooks'];
  /** Every request this account received, secrets redacted. */
  readonly journal: EsimAccessTenant['journal'];
  /**
   * A core client for this account on `baseUrl`. It signs on the clock the fake checks RT-Timestamp against
   * (`auth.timestampClock`): `Date.now()` by default, like your own code; the account's virtual clock with
   * `timestampClock: 'virtual'`.
   */
  client(options?: Partial<EsimAccessClientOptions>): EsimAccessClient;
}

/** A fresh account on `mock`, wrapped for a test that reaches the mock on `baseUrl`. */
export function openTestAccount(
  mock: EsimAccessMock,
  params: EsimAccessAccountParams | undefined,
  baseUrl: string,
): EsimAccessTestAccount {
  const control = mock.control.createAccount({ params });
  const { tenant } = control;
  return {
    ...control,
    baseUrl,
    faults: tenant.faults,
    webhooks: tenant.webhooks,
    journal: tenant.journal,
    client: (options) =>
      new EsimAccessClient({
        accessCode: control.accessCode,
        secretKey: control.secretKey,
        baseUrl,
        now: () => (mock.control.auth().timestampClock === 'virtual' ? tenant.clock.now() : Date.now()),
        ...options,
      }),
  };
}
