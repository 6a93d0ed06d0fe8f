/**
 * The shop's HTTP API: customers order, eSIM Access posts webhooks, customers open their QR page.
 * @module
 */
import {
  type EsimAccessClient,
  EsimAccessWebhookParseError,
  type IroamlyClient,
  ProviderError,
} from '@esim-sandbox/core';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { applyEsimAccessWebhook, NotYetError, refreshEsimOrder, sellEsim } from './esimaccess.js';
import { answerLost } from './failures.js';
import { refreshRedeemCode, sellRedeemCode } from './iroamly.js';
import { type Order, OrderBook } from './orders.js';
import { qrPage } from './page.js';

export interface ShopDependencies {
  esimAccess: EsimAccessClient;
  iroamly: IroamlyClient;
  /** Where iRoamly mails the codes the shop buys. */
  shopEmail: string;
  orders?: OrderBook;
}

export class InvalidInputError extends Error {
  readonly code = 'INVALID_INPUT';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'InvalidInputError';
  }
}

const esimOrderSchema = z.strictObject({ email: z.email(), packageCode: z.string().min(1) });
const redeemCodeOrderSchema = z.strictObject({ email: z.email(), productCode: z.string().min(1) });

async function readBody<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  const body: unknown = await c.req.json().catch(() => undefined);
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new InvalidInputError(issue?.path.join('.') || 'body', issue?.message ?? 'invalid');
}

export function createShopApp(deps: ShopDependencies): { app: Hono; orders: OrderBook } {
  const orders = deps.orders ?? new OrderBook();
  const app = new Hono();

  async function findOrder(c: Context): Promise<Order | undefined> {
    const order = orders.get(c.req.param('id') ?? '');
    // A look at a pending order asks the provider: its webhook may be late or lost (eSIM Access), or it sends none.
    if (order?.kind === 'redeem-code') await refreshRedeemCode(deps.iroamly, order);
    if (order?.kind === 'esim') await refreshEsimOrder(deps.esimAccess, order);
    return order;
  }

  app.onError((error, c) => {
    if (error instanceof InvalidInputError) {
      return c.json({ error: { code: error.code, field: error.field, message: error.message } }, 400);
    }
    if (error instanceof EsimAccessWebhookParseError) {
      return c.json({ error: { code: error.code, message: error.message } }, 400);
    }
    if (error instanceof ProviderError) {
      const { provider, code, message } = error;
      return c.json({ error: { code: 'PROVIDER_ERROR', provider, providerCode: code, message } }, 502);
    }
    if (answerLost(error) || error instanceof NotYetError) {
      return c.json({ error: { code: 'TRY_AGAIN', message: error.message } }, 503);
    }
    console.error(error);
    return c.json({ error: { code: 'INTERNAL', message: 'something went wrong' } }, 500);
  });

  app.post('/orders/esim', async (c) => {
    const order = await sellEsim(deps.esimAccess, orders, await readBody(c, esimOrderSchema));
    return c.json(order, 201);
  });

  app.post('/orders/redeem-code', async (c) => {
    const input = await readBody(c, redeemCodeOrderSchema);
    const order = await sellRedeemCode(deps.iroamly, orders, { ...input, shopEmail: deps.shopEmail });
    return c.json(order, 201);
  });

  // Answered only once applied: a failure answers non-2xx, so eSIM Access delivers the event again later.
  app.post('/webhooks/esimaccess', async (c) => {
    await applyEsimAccessWebhook(deps.esimAccess, orders, await c.req.text());
    return c.json({ received: true });
  });

  app.get('/orders/:id', async (c) => {
    const order = await findOrder(c);
    return order ? c.json(order) : c.json({ error: { code: 'NOT_FOUND', message: 'no such order' } }, 404);
  });

  app.get('/orders/:id/qr', async (c) => {
    const order = await findOrder(c);
    return order ? c.html(qrPage(order)) : c.html('<p>No such order.</p>', 404);
  });

  return { app, orders };
}
