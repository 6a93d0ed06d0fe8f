/**
 * The webhook sink: where the eSIM Access fake delivers by default, one inbox per account
 * (`POST /webhooks/<account>`). It can be told to answer an error for an account, which is how the
 * "receiver down, then recovering" scenario makes the provider retry.
 * @module
 */
import { parseEsimAccessWebhook } from '@esim-sandbox/core';
import { browserGuard } from '@esim-sandbox/emulator';
import { Hono } from 'hono';
import { z } from 'zod';
import { type Listening, listen } from '../listen.js';

export interface SinkMessage {
  /** `msg_<n>`, increasing across the sink. */
  id: string;
  account: string;
  /** Real time the sink received it (ms). */
  receivedAt: number;
  /** `notifyType` when the body is a valid eSIM Access webhook. */
  type: string | undefined;
  /** Why core's webhook parser refused the body, when it did. */
  invalid: string | undefined;
  body: unknown;
  /** What the sink answered. */
  status: number;
}

export interface WebhookSink {
  /** e.g. `http://127.0.0.1:4703`. */
  readonly url: string;
  /** The inbox URL of one account, to give a provider as its webhook URL. */
  urlFor(account: string): string;
  received(account: string): SinkMessage[];
  /** HTTP status the sink answers this account's deliveries with from now on (200 = up). */
  setStatus(account: string, status: number): void;
  status(account: string): number;
  /** Called after every received delivery. */
  subscribe(listener: (message: SinkMessage) => void): () => void;
  readonly app: Hono;
  close(): Promise<void>;
}

const statusSchema = z.strictObject({ status: z.number().int().min(200).max(599) });
const MAX_PER_ACCOUNT = 200;

function parseBody(text: string): { body: unknown; type: string | undefined; invalid: string | undefined } {
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // kept as text: the parser below names the problem
  }
  try {
    return { body, type: parseEsimAccessWebhook(text).notifyType, invalid: undefined };
  } catch (error) {
    return { body, type: undefined, invalid: error instanceof Error ? error.message : String(error) };
  }
}

/** The sink's routes, separate from the socket so tests can use `app.request()`. */
export function createSinkApp(): Omit<WebhookSink, 'url' | 'urlFor' | 'close'> {
  const inboxes = new Map<string, SinkMessage[]>();
  const statuses = new Map<string, number>();
  const listeners = new Set<(message: SinkMessage) => void>();
  let counter = 0;
  const app = new Hono();
  // A web page may neither change a receiver's status nor post fake webhooks into it; providers post any type.
  app.use('/webhooks/:account/status', browserGuard());
  app.use('/webhooks/:account', browserGuard({ requireJson: false }));

  app.post('/webhooks/:account', async (c) => {
    const account = c.req.param('account');
    const status = statuses.get(account) ?? 200;
    const message: SinkMessage = {
      id: `msg_${++counter}`,
      account,
      receivedAt: Date.now(),
      ...parseBody(await c.req.text()),
      status,
    };
    const inbox = inboxes.get(account) ?? [];
    inbox.push(message);
    if (inbox.length > MAX_PER_ACCOUNT) inbox.splice(0, inbox.length - MAX_PER_ACCOUNT);
    inboxes.set(account, inbox);
    for (const listener of listeners) listener(message);
    return c.json({ received: status < 300 }, status as 200);
  });

  app.get('/webhooks/:account', (c) => {
    const account = c.req.param('account');
    return c.json({ status: statuses.get(account) ?? 200, received: inboxes.get(account) ?? [] });
  });

  app.put('/webhooks/:account/status', async (c) => {
    const parsed = statusSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) {
      return c.json(
        { error: { code: 'INVALID_ARGUMENT', field: 'status', message: 'status: an HTTP status 200-599' } },
        400,
      );
    }
    statuses.set(c.req.param('account'), parsed.data.status);
    return c.json({ status: parsed.data.status });
  });

  return {
    app,
    received: (account) => [...(inboxes.get(account) ?? [])],
    setStatus: (account, status) => {
      statusSchema.parse({ status });
      statuses.set(account, status);
    },
    status: (account) => statuses.get(account) ?? 200,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * @example
 * const sink = await startWebhookSink({ port: 0 });
 * tenant.webhooks.setUrl(sink.urlFor(tenant.id));
 */
export async function startWebhookSink(
  options: { host?: string; port?: number; flag?: string } = {},
): Promise<WebhookSink> {
  const sink = createSinkApp();
  const server: Listening = await listen(sink.app.fetch, {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    flag: options.flag ?? '--sink-port',
  });
  return {
    ...sink,
    url: server.url,
    urlFor: (account) => `${server.url}/webhooks/${encodeURIComponent(account)}`,
    close: () => server.close(),
  };
}
