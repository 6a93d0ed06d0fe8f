/**
 * Runs the shop on a port and tells eSIM Access where to send webhooks.
 * @module
 */
import type { AddressInfo } from 'node:net';
import { EsimAccessClient, type EsimAccessClientOptions, IroamlyClient } from '@esim-sandbox/core';
import { serve } from '@hono/node-server';
import { createShopApp } from './app.js';
import type { OrderBook } from './orders.js';

/**
 * core's retry rules for both clients (which calls are safe to repeat, backoff, Retry-After), with more attempts
 * than core's default 2 retries: providers throttle in bursts of a few requests in a row.
 */
const SHOP_RETRY = { maxRetries: 4 };

export interface ShopConfig {
  /** `baseUrl` defaults to production (`https://api.esimaccess.com`); point it at a fake for tests. */
  esimAccess: { accessCode: string; secretKey: string; baseUrl?: string };
  /** `baseUrl` defaults to production (`https://api.iroamly.shop`). */
  iroamly: { authKey: string; authSecret: string; baseUrl?: string };
  shopEmail: string;
  /** Overrides of core's retry policy for both clients (default: 4 retries; tests shorten the delays). */
  retry?: EsimAccessClientOptions['retry'];
  /** Where the shop keeps its orders; default a fresh in-memory book. */
  orders?: OrderBook;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  /** The URL eSIM Access reaches the shop at (behind a proxy); default the address it listens on. */
  publicUrl?: string;
}

export interface RunningShop {
  url: string;
  orders: OrderBook;
  close(): Promise<void>;
}

export async function startShop(config: ShopConfig): Promise<RunningShop> {
  const retry = config.retry === false ? false : { ...SHOP_RETRY, ...config.retry };
  const esimAccess = new EsimAccessClient({ ...config.esimAccess, retry });
  const iroamly = new IroamlyClient({ ...config.iroamly, retry });
  const { app, orders } = createShopApp({
    esimAccess,
    iroamly,
    shopEmail: config.shopEmail,
    ...(config.orders ? { orders: config.orders } : {}),
  });
  const host = config.host ?? '127.0.0.1';
  // Keep Node's own Request/Response: the lightweight ones @hono/node-server installs by default confuse msw.
  const server = serve({
    fetch: app.fetch,
    hostname: host,
    port: config.port ?? 0,
    overrideGlobalObjects: false,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const url = `http://${host}:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      if ('closeAllConnections' in server) server.closeAllConnections();
      server.close(() => resolve());
    });
  try {
    // eSIM Access sends a CHECK_HEALTH event to the URL before accepting it, so the server must be up first.
    // core retries it like a read: saving the same URL again changes nothing.
    await esimAccess.saveWebhook({ webhook: `${config.publicUrl ?? url}/webhooks/esimaccess` });
  } catch (error) {
    await close();
    throw error;
  }
  return { url, orders, close };
}
