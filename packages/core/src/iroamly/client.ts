/**
 * Typed client for the iRoamly reseller API (spec v1.2). Every call goes through the shared HttpTransport.
 * @module
 */
import type { z } from 'zod';
import { InvalidArgumentError } from '../errors.js';
import { type RateLimiter, SlidingWindowLimiter } from '../http/rate-limiter.js';
import { type RetryPolicy, resolveRetryPolicy } from '../http/retry.js';
import { type FetchLike, HttpTransport, type TransportRequest } from '../http/transport.js';
import { parseArguments } from '../http/validate.js';
import { decodeIroamlyEnvelope, decodeIroamlyPlanList, isIroamlyRetryable } from './decode.js';
import {
  type IroamlyQrcodeQueryField,
  iroamlyCodeQueryRequestSchema,
  iroamlyPlanListQuerySchema,
  iroamlyPurchaseCodeRequestSchema,
  iroamlyQrcodeQueryRequestSchema,
  iroamlyRedeemQrcodeRequestSchema,
} from './schemas/requests.js';
import {
  type IroamlyPlan,
  type IroamlyRedeemCode,
  iroamlyCodeQueryResponseSchema,
  iroamlyPurchaseCodeResponseSchema,
  iroamlyQrcodeQueryResponseSchema,
  iroamlyRedeemQrcodeResponseSchema,
} from './schemas/responses.js';
import { iroamlyCertification } from './signing.js';

export const IROAMLY_DEFAULT_BASE_URL = 'https://api.iroamly.shop';

export interface IroamlyClientOptions {
  /** ≤ 32 characters (spec). */
  authKey: string;
  /** ≤ 50 characters (spec). Only its SHA-256 with authKey is kept; the secret itself is not stored. */
  authSecret: string;
  /** Default `https://api.iroamly.shop`; point it at the fake for tests. */
  baseUrl?: string | undefined;
  fetch?: FetchLike | undefined;
  /** Per attempt. Default 30 s. */
  timeoutMs?: number | undefined;
  /** Applies only to the calls that are safe to repeat (queries and the plan list). `false` disables. */
  retry?: Partial<RetryPolicy> | false | undefined;
  /** iRoamly documents no rate limit, so none by default; pass one if your account has one. */
  rateLimit?: { limit: number; windowMs: number } | RateLimiter | undefined;
  /**
   * Which field carries the redeem code in qrcodeQuery: the spec's table says `code`, its example
   * `redeemCode`. Default `redeemCode`; switch if the live API turns out to want `code`.
   */
  qrcodeQueryField?: IroamlyQrcodeQueryField | undefined;
  /** Injected for deterministic tests of backoff. */
  random?: (() => number) | undefined;
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
}

export interface IroamlyCallOptions {
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
}

export type IroamlyPurchaseInput = z.input<typeof iroamlyPurchaseCodeRequestSchema>;
export type IroamlyRedeemQrCodeInput = z.input<typeof iroamlyRedeemQrcodeRequestSchema>;

export interface IroamlyQrCode {
  redeemCode: string;
  /** URL of the QR image. */
  qrcode: string;
}

const redeemCodeSchema = iroamlyQrcodeQueryRequestSchema.shape.redeemCode.unwrap();

function checkTimeout(field: string, timeoutMs: number | undefined): void {
  if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new InvalidArgumentError(field, 'must be a positive number of milliseconds');
  }
}

function checkCallOptions(options: IroamlyCallOptions | undefined): void {
  checkTimeout('options.timeoutMs', options?.timeoutMs);
}

function buildLimiter(option: IroamlyClientOptions['rateLimit']): RateLimiter | null {
  if (option === undefined) return null;
  if (typeof option !== 'object' || option === null) {
    throw new InvalidArgumentError('rateLimit', 'must be { limit, windowMs } or a RateLimiter');
  }
  if ('acquire' in option) return option;
  try {
    return new SlidingWindowLimiter(option);
  } catch (error) {
    throw new InvalidArgumentError('rateLimit', error instanceof Error ? error.message : String(error));
  }
}

function checkOptions(options: IroamlyClientOptions): void {
  if (options.baseUrl !== undefined && !URL.canParse(options.baseUrl)) {
    throw new InvalidArgumentError('baseUrl', 'must be an absolute URL');
  }
  checkTimeout('timeoutMs', options.timeoutMs);
  try {
    resolveRetryPolicy(options.retry);
  } catch (error) {
    throw new InvalidArgumentError('retry', error instanceof Error ? error.message : String(error));
  }
  const field = options.qrcodeQueryField;
  if (field !== undefined && field !== 'redeemCode' && field !== 'code') {
    throw new InvalidArgumentError('qrcodeQueryField', "must be 'redeemCode' or 'code'");
  }
}

/**
 * @example
 * const iroamly = new IroamlyClient({ authKey, authSecret });
 * const { orderId } = await iroamly.purchase({ email, productList: [{ productCode: 'm8hed7h2fed', quantity: 1 }] });
 * const codes = await iroamly.queryCodes(orderId);
 */
export class IroamlyClient {
  readonly baseUrl: string;
  private readonly transport: HttpTransport;
  private readonly authKey: string;
  /** A static credential as sensitive as the secret; an ES private field keeps it out of inspect/console output. */
  readonly #certification: string;
  private readonly qrcodeQueryField: IroamlyQrcodeQueryField;

  constructor(options: IroamlyClientOptions) {
    if (options === null || typeof options !== 'object') {
      throw new InvalidArgumentError('options', 'must be an object with authKey and authSecret');
    }
    this.#certification = iroamlyCertification(options.authKey, options.authSecret);
    checkOptions(options);
    this.authKey = options.authKey;
    this.baseUrl = options.baseUrl ?? IROAMLY_DEFAULT_BASE_URL;
    this.qrcodeQueryField = options.qrcodeQueryField ?? 'redeemCode';
    this.transport = new HttpTransport({
      provider: 'iroamly',
      baseUrl: this.baseUrl,
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
      retry: options.retry,
      limiter: buildLimiter(options.rateLimit),
      random: options.random,
      sleep: options.sleep,
    });
  }

  /**
   * `purchaseCode`: buys redeem codes; the order id then lists them via `queryCodes`.
   * Never retried: the API has no idempotency key, so a repeat after a lost answer could buy twice.
   */
  async purchase(request: IroamlyPurchaseInput, options?: IroamlyCallOptions): Promise<{ orderId: string }> {
    const body = parseArguments(iroamlyPurchaseCodeRequestSchema, request, 'request');
    const res = await this.post('/openapi/purchaseCode', body, false, options);
    const { orderId } = decodeIroamlyEnvelope(
      res,
      iroamlyPurchaseCodeResponseSchema,
      'purchaseCode response',
    );
    return { orderId };
  }

  /** `codeQuery`: the redeem codes of an order and their status. Read-only, so retried when it fails. */
  async queryCodes(orderId: string, options?: IroamlyCallOptions): Promise<IroamlyRedeemCode[]> {
    const id = parseArguments(iroamlyCodeQueryRequestSchema.shape.orderId, orderId, 'orderId');
    const res = await this.post('/openapi/codeQuery', { orderId: id }, true, options);
    return decodeIroamlyEnvelope(res, iroamlyCodeQueryResponseSchema, 'codeQuery response').data;
  }

  /**
   * `redeemQRcode`: redeems codes; the provider emails the QR codes (slower the more codes are sent).
   * Never retried once it may have reached the server: a repeat would find the codes redeemed (code 7).
   */
  async redeemQrCode(request: IroamlyRedeemQrCodeInput, options?: IroamlyCallOptions): Promise<void> {
    const body = parseArguments(iroamlyRedeemQrcodeRequestSchema, request, 'request');
    const res = await this.post('/openapi/redeemQRcode', body, false, options);
    decodeIroamlyEnvelope(res, iroamlyRedeemQrcodeResponseSchema, 'redeemQRcode response');
  }

  /** `qrcodeQuery`: the QR image URL of a redeemed code. Read-only, so retried when it fails. */
  async queryQrCode(redeemCode: string, options?: IroamlyCallOptions): Promise<IroamlyQrCode> {
    const code = parseArguments(redeemCodeSchema, redeemCode, 'redeemCode');
    const res = await this.post('/openapi/qrcodeQuery', { [this.qrcodeQueryField]: code }, true, options);
    const decoded = decodeIroamlyEnvelope(res, iroamlyQrcodeQueryResponseSchema, 'qrcodeQuery response');
    return { redeemCode: decoded.redeemCode, qrcode: decoded.qrcode };
  }

  /**
   * `GET /common/getPlanItem?region=`: the public plan list for an ISO2 code, country name or slug. An unknown
   * region gives `[]` (the provider answers HTTP 404 or `[]`). Public, so no credentials are sent.
   */
  async listPlans(region: string, options?: IroamlyCallOptions): Promise<IroamlyPlan[]> {
    const query = { region: parseArguments(iroamlyPlanListQuerySchema.shape.region, region, 'region') };
    checkCallOptions(options);
    const res = await this.transport.send(
      {
        method: 'GET',
        path: '/common/getPlanItem',
        query,
        headers: () => ({ Accept: 'application/json' }),
        retrySafe: true,
        signal: options?.signal,
        timeoutMs: options?.timeoutMs,
      },
      isIroamlyRetryable,
    );
    return decodeIroamlyPlanList(res, 'getPlanItem response');
  }

  /**
   * The four openapi endpoints. The spec says "GET / POST" overall but names a method only for purchaseCode
   * (POST); all four take a JSON body, so we POST all of them.
   */
  private post(path: string, body: unknown, retrySafe: boolean, options: IroamlyCallOptions | undefined) {
    checkCallOptions(options);
    const request: TransportRequest = {
      method: 'POST',
      path,
      body: JSON.stringify(body),
      headers: () => ({
        'Content-Type': 'application/json',
        Accept: 'application/json',
        AuthKey: this.authKey,
        Certification: this.#certification,
      }),
      retrySafe,
      signal: options?.signal,
      timeoutMs: options?.timeoutMs,
    };
    return this.transport.send(request, isIroamlyRetryable);
  }
}
