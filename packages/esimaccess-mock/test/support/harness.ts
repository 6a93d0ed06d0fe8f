/**
 * Builders for the contract suite: a mock on the manual virtual clock, reached either over HTTP (the engine's
 * startServer on port 0) or through msw on the real base URL, and clients of core's EsimAccessClient bound to it.
 */
import {
  ESIM_ACCESS_HEADERS,
  EsimAccessClient,
  type EsimAccessClientOptions,
  type EsimAccessPackage,
  type EsimAccessWebhookPayload,
  type FetchLike,
  parseEsimAccessWebhook,
  signEsimAccessRequest,
} from '@esim-sandbox/core';
import { startServer } from '@esim-sandbox/emulator';
import { startWebhookReceiver, type WebhookReceiver } from '@esim-sandbox/emulator/testing';
import type { SetupServer } from 'msw/node';
import { afterEach, beforeEach } from 'vitest';
import {
  createEsimAccessMock,
  type EsimAccessAccountControl,
  type EsimAccessMock,
  esimAccessHandlers,
} from '../../src/index.js';
import type { EsimAccessMockOptions } from '../../src/runtime/options.js';

export const START = '2025-06-01T12:00:00Z';

export interface Harness {
  readonly mock: EsimAccessMock;
  readonly account: EsimAccessAccountControl;
  /** Where clients send requests (the server URL, or the real base URL under msw). */
  readonly baseUrl: string;
  /**
   * A client of the default account signing with `Date.now()`, as production code does (the mock checks RT-Timestamp
   * against the caller's clock by default); no retries, no client throttle.
   */
  client(overrides?: Partial<EsimAccessClientOptions>): EsimAccessClient;
  close(): Promise<void>;
}

export type MakeHarness = (options?: EsimAccessMockOptions) => Promise<Harness>;

function harness(mock: EsimAccessMock, baseUrl: string, close: () => Promise<void>): Harness {
  const account = mock.control.account();
  return {
    mock,
    account,
    baseUrl,
    client: (overrides = {}) =>
      new EsimAccessClient({
        accessCode: mock.accessCode,
        secretKey: mock.secretKey,
        baseUrl,
        retry: false,
        rateLimit: false,
        ...overrides,
      }),
    close,
  };
}

/**
 * The suite's clients send without a throttle, so the fake's own 8 req/s limit is off here (a test would otherwise
 * pass or fail with the machine's speed); cases about the limit pass `rateLimit: undefined` (the default) or a limit.
 */
const mockOptions = (options: EsimAccessMockOptions = {}): EsimAccessMockOptions => ({
  clock: 'manual',
  startTime: START,
  seed: 'contract',
  rateLimit: null,
  ...options,
});

export const overHttp: MakeHarness = async (options) => {
  const mock = createEsimAccessMock(mockOptions(options));
  const server = await startServer({ emulator: mock.emulator, port: 0 });
  return harness(mock, server.url, () => server.close());
};

/** msw mode: the caller owns the msw server (listen/close once per file). */
export function overMsw(server: Pick<SetupServer, 'use' | 'resetHandlers'>): MakeHarness {
  return async (options) => {
    const mock = createEsimAccessMock(mockOptions(options));
    server.use(...esimAccessHandlers(mock));
    return harness(mock, 'https://api.esimaccess.com', async () => {
      server.resetHandlers();
      await mock.close();
    });
  };
}

export interface Edit {
  method?: string;
  body?: (body: string) => string;
  headers?: (headers: Record<string, string>) => Record<string, string>;
  /** Re-sign the edited body with this secret, so only the intended defect reaches the mock. */
  resignWith?: string;
}

/** A fetch that changes what the client sends: how the suite reaches answers no well-behaved client provokes. */
export function tamper(
  edit: Edit,
  base: FetchLike = (input, init) => globalThis.fetch(input, init),
): FetchLike {
  return (input, init = {}) => {
    let headers = Object.fromEntries(new Headers(init.headers).entries());
    let body = typeof init.body === 'string' ? init.body : '';
    if (edit.body) body = edit.body(body);
    if (edit.resignWith !== undefined) {
      headers[ESIM_ACCESS_HEADERS.signature.toLowerCase()] = signEsimAccessRequest({
        timestamp: headers[ESIM_ACCESS_HEADERS.timestamp.toLowerCase()] ?? '',
        requestId: headers[ESIM_ACCESS_HEADERS.requestId.toLowerCase()] ?? '',
        accessCode: headers[ESIM_ACCESS_HEADERS.accessCode.toLowerCase()] ?? '',
        body,
        secretKey: edit.resignWith,
      });
    }
    if (edit.headers) headers = edit.headers(headers);
    const method = edit.method ?? init.method ?? 'POST';
    return base(input, {
      ...init,
      method,
      headers,
      body: method === 'GET' || method === 'HEAD' ? null : body,
    });
  };
}

/** A real local receiver whose bodies are parsed with core's webhook parser. */
export interface Hooks {
  readonly receiver: WebhookReceiver;
  payloads(): EsimAccessWebhookPayload[];
  types(): string[];
}

export async function startHooks(): Promise<Hooks> {
  const receiver = await startWebhookReceiver();
  const payloads = () => receiver.received.map((r) => parseEsimAccessWebhook(r.body));
  return { receiver, payloads, types: () => payloads().map((p) => p.notifyType) };
}

export const DAY = 24 * 60 * 60 * 1000;

/** The (esimStatus, smdpStatus) pairs of the webhooks of one type, in arrival order. */
export type Pair = [string, string];
export const pairs = (payloads: EsimAccessWebhookPayload[], type: 'SMDP_EVENT' | 'ESIM_STATUS'): Pair[] =>
  payloads.flatMap((p) =>
    p.notifyType === type ? [[p.content.esimStatus, p.content.smdpStatus] as Pair] : [],
  );

/** One test's fake, webhook receiver and client, the receiver saved as the account's webhook URL. */
export interface WebhookWorld {
  h: Harness;
  hooks: Hooks;
  client: EsimAccessClient;
}

/**
 * Gives every test of the calling `describe` a fresh {@link WebhookWorld} (passed to `set`, closed after the test),
 * and returns `delivered(from)`: runs what is due now (manual clock) and returns the payloads since `from`.
 */
export function useWebhookWorld(
  make: MakeHarness,
  options: EsimAccessMockOptions | undefined,
  set: (world: WebhookWorld) => void,
): (from?: number) => Promise<EsimAccessWebhookPayload[]> {
  let world: WebhookWorld | undefined;
  beforeEach(async () => {
    const h = await make(options);
    const hooks = await startHooks();
    const client = h.client();
    await client.saveWebhook({ webhook: hooks.receiver.url });
    world = { h, hooks, client };
    set(world);
  });
  afterEach(async () => {
    await world?.h.close();
    await world?.hooks.receiver.close();
  });
  return async (from = 0) => {
    await world!.h.account.advance(0);
    return world!.hooks.payloads().slice(from);
  };
}

/** A base package of the mock's catalogue, found by what the test needs. */
export function findBase(
  mock: EsimAccessMock,
  filter: (pkg: EsimAccessPackage) => boolean,
): EsimAccessPackage {
  const pkg = mock.catalog.catalog.packages.find(
    (p) => !p.packageCode.startsWith('TOPUP_') && p.dataType === 1 && filter(p),
  );
  if (!pkg) throw new Error('no base package matches');
  return pkg;
}

/** Orders `count` profiles and lets allocation run; returns the orderNo and the profiles' esimTranNos. */
let orders = 0;
export async function orderAllocated(
  h: Harness,
  pkg: EsimAccessPackage,
  count = 1,
): Promise<{ orderNo: string; esimTranNos: string[] }> {
  orders += 1;
  const { orderNo } = await h.client().order({
    transactionId: `txn-${orders}`,
    packageInfoList: [{ packageCode: pkg.packageCode, count }],
  });
  await h.account.advance(h.mock.behaviour.allocationDelayMs);
  return { orderNo, esimTranNos: h.account.order(orderNo).esimTranNos };
}
