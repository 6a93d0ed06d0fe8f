/**
 * @module
 * A fresh account on each fake for one scenario run: the typed client from packages/core pointed at it, the
 * provider's control routes for it, and (eSIM Access) its inbox on the playground's webhook sink.
 */
import { EsimAccessClient, type EsimAccessClientOptions, IroamlyClient } from '@esim-sandbox/core';
import type { OrderRecord, ProfileRecord } from '@esim-sandbox/esimaccess-mock';
import type { MessageWithQr, RenderedMessage } from '@esim-sandbox/iroamly-mock';
import type { SinkMessage } from '../sink/sink.js';
import { createAccount, SandboxAccount } from './control.js';
import type { ScenarioTarget } from './target.js';

const enc = encodeURIComponent;

/** eSIM Access control routes: what a device, the network or the provider's back office does to the account. */
export class EsimAccessSandbox extends SandboxAccount {
  install(esimTranNo: string, options: { until?: 'DOWNLOAD' | 'INSTALLATION' | 'ENABLED' } = {}) {
    return this.call<ProfileRecord>('POST', `/profiles/${enc(esimTranNo)}/install`, options);
  }
  addUsage(esimTranNo: string, bytes: number) {
    return this.call<ProfileRecord>('POST', `/profiles/${enc(esimTranNo)}/usage`, { bytes });
  }
  expire(esimTranNo: string) {
    return this.call<ProfileRecord>('POST', `/profiles/${enc(esimTranNo)}/expire`);
  }
  profile(esimTranNo: string) {
    return this.call<ProfileRecord>('GET', `/profiles/${enc(esimTranNo)}`);
  }
  order(orderNo: string) {
    return this.call<OrderRecord>('GET', `/orders/${enc(orderNo)}`);
  }
  async setBalance(balance: number): Promise<void> {
    await this.call('PUT', '/balance', { balance });
  }
  async setStock(packageCode: string, count: number | null): Promise<void> {
    await this.call('PUT', `/stock/${enc(packageCode)}`, { count });
  }
}

/** iRoamly control routes: the mails the provider sent, balance, failing the next redemption. */
export class IroamlySandbox extends SandboxAccount {
  async outbox(to?: string): Promise<RenderedMessage[]> {
    const query = to === undefined ? '' : `?to=${enc(to)}`;
    return (await this.call<{ messages: RenderedMessage[] }>('GET', `/outbox${query}`)).messages;
  }
  message(id: string) {
    return this.call<MessageWithQr>('GET', `/outbox/${enc(id)}`);
  }
  async setBalance(balance: number): Promise<void> {
    await this.call('PUT', '/balance', { balance });
  }
  async failNextRedemption(count = 1, reason?: string): Promise<void> {
    await this.call('POST', '/redemptions/fail-next', { count, ...(reason ? { reason } : {}) });
  }
}

/** One account's inbox on the playground's webhook sink. */
export class SinkInbox {
  constructor(
    readonly sinkUrl: string,
    readonly account: string,
  ) {}
  get url(): string {
    return `${this.sinkUrl}/webhooks/${enc(this.account)}`;
  }
  async received(): Promise<SinkMessage[]> {
    const res = await fetch(this.url);
    return ((await res.json()) as { received: SinkMessage[] }).received;
  }
  /** 200 = up; anything else makes every delivery fail until set back. */
  async setStatus(status: number): Promise<void> {
    await fetch(`${this.url}/status`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status }),
    });
  }
}

export interface EsimAccessSide {
  accessCode: string;
  client: EsimAccessClient;
  control: EsimAccessSandbox;
  sink: SinkInbox;
  /** Another client of the same account (e.g. without the rate limiter). */
  newClient(options?: Partial<EsimAccessClientOptions>): EsimAccessClient;
}

export interface IroamlySide {
  authKey: string;
  client: IroamlyClient;
  control: IroamlySandbox;
}

export interface AccountParams {
  balance?: number;
  stock?: Record<string, number>;
}

/** A new account with a manual clock, its webhooks going to the sink. */
export async function openEsimAccess(
  target: ScenarioTarget,
  key: string,
  params?: AccountParams,
): Promise<EsimAccessSide> {
  const account = await createAccount(
    target.esimaccessUrl,
    key,
    params as Record<string, unknown> | undefined,
  );
  const control = new EsimAccessSandbox(target.esimaccessUrl, account.id);
  await control.useManualClock();
  const sink = new SinkInbox(target.sinkUrl, account.id);
  await control.setWebhookUrl(sink.url);
  const newClient = (options: Partial<EsimAccessClientOptions> = {}) =>
    new EsimAccessClient({
      accessCode: account.key,
      secretKey: account.secret,
      baseUrl: target.esimaccessUrl,
      ...options,
    });
  return { accessCode: account.key, client: newClient(), control, sink, newClient };
}

export async function openIroamly(
  target: ScenarioTarget,
  key: string,
  params?: { balance?: number },
): Promise<IroamlySide> {
  const account = await createAccount(target.iroamlyUrl, key, params);
  const control = new IroamlySandbox(target.iroamlyUrl, account.id);
  await control.useManualClock();
  return {
    authKey: account.key,
    client: new IroamlyClient({
      authKey: account.key,
      authSecret: account.secret,
      baseUrl: target.iroamlyUrl,
    }),
    control,
  };
}
