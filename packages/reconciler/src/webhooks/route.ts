/**
 * The eSIM Access webhook endpoint as a Hono app, to mount in the reseller's own app:
 *
 * @example
 * const receiver = createWebhookReceiver(store, { accountId: 'esimaccess' });
 * app.route('/webhooks/esimaccess', receiver.app);
 *
 * It answers as soon as the payload is validated and stored (the provider wants a fast 200), and applies it
 * right after, outside the request.
 * @module
 */
import { EsimAccessWebhookParseError } from '@esim-sandbox/core';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ensureAccount } from '../store/accounts.js';
import type { Store } from '../store/open.js';
import { type DrainResult, drainInbox, receiveWebhook } from './inbox.js';

export interface WebhookReceiverOptions {
  /** The store account webhooks are applied to. Default `esimaccess`. */
  accountId?: string | undefined;
  /** Called with errors that happen after the answer was sent (an apply that failed). Default: stderr, message only. */
  onError?: ((error: unknown) => void) | undefined;
  /** Also retry leftovers (failed or interrupted applies) at this interval. Default: only when a webhook arrives. */
  retryIntervalMs?: number | undefined;
  now?: (() => Date) | undefined;
  /** Largest accepted body. Default 1 MiB. */
  maxBodyBytes?: number | undefined;
}

export interface WebhookReceiver {
  /** Hono app handling `POST /`; mount it with `app.route(path, receiver.app)`. */
  readonly app: Hono;
  /** Resolves when every stored webhook has been applied (or one failed: see `onError`). */
  drain(): Promise<DrainResult>;
  /** Stops the retry timer and waits for the apply in progress. */
  close(): Promise<void>;
}

const defaultOnError = (error: unknown) => {
  console.error(
    `esim-reconciler: webhook apply failed: ${error instanceof Error ? error.message : String(error)}`,
  );
};

export function createWebhookReceiver(store: Store, options: WebhookReceiverOptions = {}): WebhookReceiver {
  const accountId = options.accountId ?? 'esimaccess';
  const onError = options.onError ?? defaultOnError;
  let accountReady: Promise<unknown> | undefined;
  let running: Promise<DrainResult> | undefined;
  let again = false;

  const kick = (): Promise<DrainResult> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let result: DrainResult;
      do {
        again = false;
        result = await drainInbox(store, { accountId, now: options.now });
        if (result.error !== undefined) onError(result.error);
      } while (again && result.error === undefined);
      return result;
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  const app = new Hono();
  app.use('*', bodyLimit({ maxSize: options.maxBodyBytes ?? 1024 * 1024 }));
  app.post('/', async (c) => {
    const text = await c.req.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Left as text: core's parser then reports "body is not valid JSON".
    }
    accountReady ??= ensureAccount(store.db, { id: accountId, provider: 'esimaccess' }).catch((error) => {
      accountReady = undefined;
      throw error;
    });
    await accountReady;
    let received: Awaited<ReturnType<typeof receiveWebhook>>;
    try {
      received = await receiveWebhook(store, accountId, body);
    } catch (error) {
      if (!(error instanceof EsimAccessWebhookParseError)) throw error;
      return c.json({ error: error.code, message: error.message, path: error.path }, 400);
    }
    void kick();
    return c.json({ received: true, notifyId: received.notifyId, duplicate: received.duplicate }, 200);
  });
  app.onError((error, c) => {
    onError(error);
    // Non-2xx so the provider redelivers: nothing was stored.
    return c.json(
      { error: 'STORE_UNAVAILABLE', message: 'the webhook could not be stored; retry later' },
      503,
    );
  });

  const timer =
    options.retryIntervalMs !== undefined
      ? setInterval(() => void kick(), options.retryIntervalMs)
      : undefined;
  timer?.unref();

  return {
    app,
    drain: async () => {
      let result = await kick();
      // A kick that joined a running drain returns that drain's result; run once more for what came after.
      while (running) result = await running;
      return result;
    },
    async close() {
      if (timer) clearInterval(timer);
      if (running) await running;
    },
  };
}

/** Just the mountable route, for apps that do not need `drain()`/`close()`. */
export function createWebhookRoute(store: Store, options: WebhookReceiverOptions = {}): Hono {
  return createWebhookReceiver(store, options).app;
}
