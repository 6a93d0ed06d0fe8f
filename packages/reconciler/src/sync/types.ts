/**
 * What the sync needs from each provider client: the methods of core's `EsimAccessClient` and `IroamlyClient`
 * it calls, so tests may pass a real client pointed at msw handlers or a fake, and production passes the client.
 * @module
 */
import type { EsimAccessClient, IroamlyClient } from '@esim-sandbox/core';
import type { DriftKind } from '../drift/findings.js';

export type EsimAccessSyncClient = Pick<
  EsimAccessClient,
  'iterateProfilePages' | 'queryUsage' | 'getBalance'
>;
export type IroamlySyncClient = Pick<IroamlyClient, 'queryCodes' | 'queryQrCode'>;

export type SyncTarget =
  | { provider: 'esimaccess'; accountId: string; client: EsimAccessSyncClient }
  | { provider: 'iroamly'; accountId: string; client: IroamlySyncClient };

export interface SyncProgress {
  accountId: string;
  stream: string;
  done: number;
  /** Unknown until the provider says (first page of a listing). */
  total?: number | undefined;
}

export interface SyncOptions {
  /** Start of the `esim/query` creation-time window (ISO). Default `2000-01-01T00:00:00+0000`. */
  since?: string | undefined;
  /** End of the window. Default `2100-01-01T00:00:00+0000`: the provider's clock (or a fake's) may be ahead of ours. */
  until?: string | undefined;
  /** Profiles per `esim/query` page, 5..500. Default 100. */
  pageSize?: number | undefined;
  /** Page through the date window as well as every known order. Default true. */
  listByDateRange?: boolean | undefined;
  /** iRoamly codes that mean "no such order" (the spec does not say; the fake answers 7). Default 7 and 3. */
  iroamlyUnknownOrderCodes?: readonly string[] | undefined;
  onProgress?: ((progress: SyncProgress) => void) | undefined;
  signal?: AbortSignal | undefined;
  now?: (() => Date) | undefined;
  /**
   * On the account's first completed sync, take what the provider has as the baseline: that run's `unknown_to_us`
   * findings are resolved (`adopted as baseline`) instead of left open. No effect on later syncs. Default false.
   */
  adopt?: boolean | undefined;
}

export interface ResolvedSyncOptions {
  since: string;
  until: string;
  pageSize: number;
  listByDateRange: boolean;
  iroamlyUnknownOrderCodes: ReadonlySet<string>;
  signal: AbortSignal | undefined;
  now: () => Date;
}

export interface SyncResult {
  accountId: string;
  provider: 'esimaccess' | 'iroamly';
  runId: number;
  /** True when this call finished a run that an earlier, interrupted call had started. */
  resumed: boolean;
  findings: Partial<Record<DriftKind, number>>;
  /** `unknown_to_us` findings resolved as the baseline (`adopt` on a first sync); 0 otherwise. */
  adopted: number;
}
