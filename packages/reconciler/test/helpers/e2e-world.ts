/**
 * The end-to-end world: both provider mocks served over HTTP on loopback (port 0, manual clocks), core's real
 * clients pointed at them, and the reconciler's webhook receiver mounted in a Hono app on its own loopback
 * server, registered with eSIM Access through `webhook/save` as an app would.
 */
import { EsimAccessClient, IroamlyClient } from '@esim-sandbox/core';
import { type ChaosSetting, type RunningServer, startServer } from '@esim-sandbox/emulator';
import {
  createEsimAccessMock,
  type EsimAccessAccountControl,
  type EsimAccessMock,
} from '@esim-sandbox/esimaccess-mock';
import { createIroamlyMock, type IroamlyMock, type IroamlyTenant } from '@esim-sandbox/iroamly-mock';
import { Hono } from 'hono';
import { afterEach, beforeEach, expect } from 'vitest';
import type { Store } from '../../src/store/open.js';
import { syncAccount } from '../../src/sync/engine.js';
import type { SyncResult } from '../../src/sync/types.js';
import { createWebhookReceiver, type WebhookReceiver } from '../../src/webhooks/route.js';

/** Virtual start of both providers: a fixed time, so ids and event times are the same on every run. */
export const WORLD_START = '2025-09-11T10:00:00.000Z';
export const ESIM_ACCOUNT = 'esimaccess';
export const IROAMLY_ACCOUNT = 'iroamly';
const HOOK_PATH = '/webhooks/esimaccess';

export interface World {
  esim: EsimAccessMock;
  /** The default account's control handle (state, lifecycle, balance, clock). */
  esimControl: EsimAccessAccountControl;
  esimClient: EsimAccessClient;
  iroamly: IroamlyMock;
  iroamlyTenant: IroamlyTenant;
  iroamlyClient: IroamlyClient;
  iroamlyUrl: string;
  receiver: WebhookReceiver;
  /** Errors the receiver hit after answering (a test expects none). */
  receiverErrors: unknown[];
  close(): Promise<void>;
}

export interface WorldOptions {
  /** How the world's clients retry: not at all by default (these tests count requests); chaos tests retry. */
  retry?: ConstructorParameters<typeof EsimAccessClient>[0]['retry'];
  /** Seeded chaos on the eSIM Access mock's accounts from the start (the `chaos` option). */
  esimChaos?: ChaosSetting | undefined;
}

export async function startWorld(
  store: Store,
  seed: string,
  { retry = false, esimChaos }: WorldOptions = {},
): Promise<World> {
  // The world's client below sends unthrottled, so the fake's 8 req/s limit is off: these tests are about state.
  const esim = createEsimAccessMock({
    clock: 'manual',
    startTime: WORLD_START,
    seed: `${seed}-esimaccess`,
    rateLimit: null,
    ...(esimChaos ? { chaos: esimChaos } : {}),
  });
  const iroamly = createIroamlyMock({ clock: 'manual', startTime: WORLD_START, seed: `${seed}-iroamly` });
  const servers: RunningServer[] = [];
  const receiverErrors: unknown[] = [];
  const receiver = createWebhookReceiver(store, {
    accountId: ESIM_ACCOUNT,
    onError: (error) => receiverErrors.push(error),
  });
  try {
    servers.push(await startServer({ emulator: esim.emulator }));
    servers.push(await startServer({ emulator: iroamly.emulator }));
    servers.push(await startServer({ fetch: new Hono().route(HOOK_PATH, receiver.app).fetch }));
  } catch (error) {
    await Promise.all(servers.map((s) => s.close()));
    throw error;
  }
  const [esimServer, iroamlyServer, hookServer] = servers as [RunningServer, RunningServer, RunningServer];
  const esimControl = esim.control.account();
  const esimClient = new EsimAccessClient({
    accessCode: esim.accessCode,
    secretKey: esim.secretKey,
    baseUrl: esimServer.url,
    retry,
    rateLimit: false,
  });
  const iroamlyClient = new IroamlyClient({
    authKey: iroamly.authKey,
    authSecret: iroamly.authSecret,
    baseUrl: iroamlyServer.url,
    retry,
  });
  // As an app does: the provider tests the URL with CHECK_HEALTH before it keeps it (core retries it under chaos:
  // saving the same URL again changes nothing).
  await esimClient.saveWebhook({ webhook: `${hookServer.url}${HOOK_PATH}` });
  return {
    esim,
    esimControl,
    esimClient,
    iroamly,
    iroamlyTenant: iroamly.control.account().tenant,
    iroamlyClient,
    iroamlyUrl: iroamlyServer.url,
    receiver,
    receiverErrors,
    async close() {
      await receiver.close();
      // The hook server first: the mocks' close waits for nothing the receiver still owes them.
      await Promise.all([...servers].reverse().map((server) => server.close()));
    },
  };
}

/** Worlds opened inside tests: the one a test opened is closed after it, and its receiver must have seen no error. */
export function worldsClosedAfterEach() {
  let world: World | undefined;
  afterEach(async () => {
    if (!world) return;
    const closing = world;
    world = undefined;
    await closing.close();
    expect(closing.receiverErrors).toEqual([]);
  });
  return {
    async open(...args: Parameters<typeof startWorld>): Promise<World> {
      world = await startWorld(...args);
      return world;
    },
    current: (): World => world!,
  };
}

/**
 * A fresh world before each test of the file, closed after it (with no receiver error); `sync` applies the webhooks
 * received so far, then syncs the eSIM Access account; `step` runs one step of the provider's life, then lets a
 * virtual minute pass (webhooks due are delivered).
 */
export function useWorld(getStore: () => Store, seed: string) {
  const worlds = worldsClosedAfterEach();
  beforeEach(async () => {
    await worlds.open(getStore(), seed);
  });
  const current = worlds.current;
  return {
    world: current,
    async sync(): Promise<SyncResult> {
      await current().receiver.drain();
      return syncAccount(getStore(), {
        provider: 'esimaccess',
        accountId: ESIM_ACCOUNT,
        client: current().esimClient,
      });
    },
    async step(action: () => unknown): Promise<void> {
      await action();
      await current().esimControl.advance(60_000);
    },
  };
}
