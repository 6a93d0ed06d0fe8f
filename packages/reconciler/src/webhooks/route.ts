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
import { decodeWebhookBody } from './body.js';
import { type DrainResult, drainInbox, receiveWebhook } from './inbox.js';
import { loggableError } from './log-safe.js';

/**
 * Largest body accepted by default. eSIM Access's largest webhook (SMDP_EVENT) is under 1 KiB (NOTES 1.6); 64 KiB
 * leaves room for fields the provider may add, and keeps a flood of large bodies cheap to refuse.
 */
export const DEFAULT_MAX_WEBHOOK_BYTES = 64 * 1024;

export interface WebhookReceiverOptions {
  /** The store account webhooks are applied to. Default `esimaccess`. */
  accountId?: string | undefined;
  /**
   * Called with a store failure (the answer is then 503) or an apply that failed after the answer was sent. The
   * error's message is safe to log (no payload content, ICCID/EID-length ids cut to their last 4 digits); the
   * original error is its `cause`. Default: one line on stderr.
   */
  onError?: ((error: unknown) => void) | undefined;
  /** Also retry leftovers (failed or interrupted applies) at this interval. Default: only when a webhook arrives. */
  retryIntervalMs?: number | undefined;
  now?: (() => Date) | undefined;
  /** Largest accepted body in bytes; a larger one is answered 413. Default `DEFAULT_MAX_WEBHOOK_BYTES` (64 KiB). */
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
  console.error(`esim-reconciler: webhook failed: ${error instanceof Error ? error.message : String(error)}`);
};

export function createWebhookReceiver(store: Store, options: WebhookReceiverOptions = {}): WebhookReceiver {
  const accountId = options.accountId ?? 'esimaccess';
  const report = options.onError ?? defaultOnError;
  const onError = (error: unknown) => report(loggableError(error));
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
  const maxSize = options.maxBodyBytes ?? DEFAULT_MAX_WEBHOOK_BYTES;
  app.use(
    '*',
    bodyLimit({
      maxSize,
      // Answered here: a thrown 413 would reach onError below and become a 503 (an invitation to resend).
      onError: (c) =>
        c.json({ error: 'PAYLOAD_TOO_LARGE', message: `the body is over ${maxSize} bytes` }, 413),
    }),
  );
  app.post('/', async (c) => {
    let body: unknown;
    try {
      body = decodeWebhookBody(await c.req.arrayBuffer());
    } catch (error) {
      if (!(error instanceof EsimAccessWebhookParseError)) throw error;
      return c.json({ error: error.code, message: error.message, path: error.path }, 400);
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
