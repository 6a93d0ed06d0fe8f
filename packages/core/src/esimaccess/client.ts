/**
 * `EsimAccessClient`: one typed method per eSIM Access endpoint, all through `EsimAccessRequester`.
 * @module
 */
import type { EsimAccessClientOptions } from './client/options.js';
import {
  type EsimAccessArgs,
  type EsimAccessCallOptions,
  EsimAccessRequester,
  type EsimAccessResult,
} from './client/requester.js';
import type { EsimAccessLocation } from './schemas/locations.js';
import type { EsimAccessPackage } from './schemas/packages.js';
import type { EsimAccessProfile, EsimAccessProfileQueryObj } from './schemas/profiles.js';
import type { EsimAccessUsage } from './schemas/usage.js';

/** `esim/query` filters for the iterators: the pager is managed for you (`pageSize` default 50, start at `pageNum`). */
export type EsimAccessProfileIterationQuery = Omit<EsimAccessArgs<'queryProfiles'>, 'pager'> & {
  pager?: { pageNum?: number; pageSize?: number };
};

const DEFAULT_ITERATION_PAGE_SIZE = 50;
const MAX_PAGE_NUM = 10_000;

/**
 * Typed client of the eSIM Access partner API.
 *
 * @example
 * const client = new EsimAccessClient({ accessCode, secretKey });
 * const { orderNo } = await client.order({
 *   transactionId: 'txn-1',
 *   packageInfoList: [{ packageCode: 'JC016', count: 1 }],
 * });
 * for await (const profile of client.iterateProfiles({ orderNo })) console.log(profile.iccid);
 */
export class EsimAccessClient {
  private readonly requester: EsimAccessRequester;

  constructor(options: EsimAccessClientOptions) {
    this.requester = new EsimAccessRequester(options);
  }

  /** Catalogue (`package/list`). All filters optional; `{ type: 'TOPUP', iccid }` lists a profile's top-ups. */
  async listPackages(
    filter: EsimAccessArgs<'listPackages'> = {},
    options?: EsimAccessCallOptions,
  ): Promise<EsimAccessPackage[]> {
    return (await this.requester.call('listPackages', filter, options)).packageList;
  }

  /**
   * Orders profiles (`esim/order`). Retried on transient failures: the provider treats a repeated transactionId as
   * the same order, and every attempt repeats it. Profiles are allocated asynchronously.
   */
  order(
    request: EsimAccessArgs<'order'>,
    options?: EsimAccessCallOptions,
  ): Promise<EsimAccessResult<'order'>> {
    return this.requester.call('order', request, options);
  }

  /** One page of profiles (`esim/query`). Answers 200010 while an order is still being allocated. */
  queryProfiles(
    query: EsimAccessArgs<'queryProfiles'>,
    options?: EsimAccessCallOptions,
  ): Promise<EsimAccessProfileQueryObj> {
    return this.requester.call('queryProfiles', query, options);
  }

  /** Cancels and refunds an unused profile (`esim/cancel`). Never retried. */
  async cancel(profile: EsimAccessArgs<'cancel'>, options?: EsimAccessCallOptions): Promise<void> {
    await this.requester.call('cancel', profile, options);
  }

  /** Pauses data service (`esim/suspend`). Never retried. */
  async suspend(profile: EsimAccessArgs<'suspend'>, options?: EsimAccessCallOptions): Promise<void> {
    await this.requester.call('suspend', profile, options);
  }

  /** Resumes data service (`esim/unsuspend`). Never retried. */
  async unsuspend(profile: EsimAccessArgs<'unsuspend'>, options?: EsimAccessCallOptions): Promise<void> {
    await this.requester.call('unsuspend', profile, options);
  }

  /** Deletes a profile without refund (`esim/revoke`). Never retried. */
  async revoke(profile: EsimAccessArgs<'revoke'>, options?: EsimAccessCallOptions): Promise<void> {
    await this.requester.call('revoke', profile, options);
  }

  /** Account balance in 1/10,000 USD (`balance/query`). */
  getBalance(options?: EsimAccessCallOptions): Promise<EsimAccessResult<'getBalance'>> {
    return this.requester.call('getBalance', {}, options);
  }

  /** Tops up a profile (`esim/topup`). Retried like `order`: every attempt repeats the transactionId. */
  topUp(
    request: EsimAccessArgs<'topUp'>,
    options?: EsimAccessCallOptions,
  ): Promise<EsimAccessResult<'topUp'>> {
    return this.requester.call('topUp', request, options);
  }

  /** Supported countries and regions (`location/list`). */
  async listLocations(options?: EsimAccessCallOptions): Promise<EsimAccessLocation[]> {
    return (await this.requester.call('listLocations', {}, options)).locationList;
  }

  /** Sends an SMS of up to 500 characters to a profile (`esim/sendSms`). Never retried. */
  async sendSms(request: EsimAccessArgs<'sendSms'>, options?: EsimAccessCallOptions): Promise<void> {
    await this.requester.call('sendSms', request, options);
  }

  /** Data usage of up to 10 profiles (`esim/usage/query`). */
  async queryUsage(
    request: EsimAccessArgs<'queryUsage'>,
    options?: EsimAccessCallOptions,
  ): Promise<EsimAccessUsage[]> {
    return (await this.requester.call('queryUsage', request, options)).esimUsageList;
  }

  /** Sets the account's webhook URL (`webhook/save`); the provider first sends it a CHECK_HEALTH. Never retried. */
  async saveWebhook(request: EsimAccessArgs<'saveWebhook'>, options?: EsimAccessCallOptions): Promise<void> {
    await this.requester.call('saveWebhook', request, options);
  }

  /** The account's current webhook URL (`webhook/query`). */
  queryWebhook(options?: EsimAccessCallOptions): Promise<EsimAccessResult<'queryWebhook'>> {
    return this.requester.call('queryWebhook', {}, options);
  }

  /**
   * Every page of an `esim/query`, requested one after another until `total` profiles were seen or a page comes
   * back short or empty.
   */
  async *iterateProfilePages(
    query: EsimAccessProfileIterationQuery,
    options?: EsimAccessCallOptions,
  ): AsyncGenerator<EsimAccessProfileQueryObj, void, undefined> {
    const pageSize = query.pager?.pageSize ?? DEFAULT_ITERATION_PAGE_SIZE;
    let pageNum = query.pager?.pageNum ?? 1;
    let seen = (pageNum - 1) * pageSize;
    for (;;) {
      const page = await this.queryProfiles({ ...query, pager: { pageNum, pageSize } }, options);
      yield page;
      seen += page.esimList.length;
      const exhausted = page.esimList.length < pageSize || seen >= page.pager.total;
      if (exhausted || pageNum >= MAX_PAGE_NUM) return;
      pageNum += 1;
    }
  }

  /** Every profile matching an `esim/query`, across all pages. */
  async *iterateProfiles(
    query: EsimAccessProfileIterationQuery,
    options?: EsimAccessCallOptions,
  ): AsyncGenerator<EsimAccessProfile, void, undefined> {
    for await (const page of this.iterateProfilePages(query, options)) yield* page.esimList;
  }
}
