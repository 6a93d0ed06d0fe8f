/**
 * Runs the shop on a port and tells eSIM Access where to send webhooks.
 * @module
 */
import type { AddressInfo } from 'node:net';
import { EsimAccessClient, IroamlyClient } from '@esim-sandbox/core';
import { serve } from '@hono/node-server';
import { createShopApp } from './app.js';
import type { OrderBook } from './orders.js';

export interface ShopConfig {
  /** `baseUrl` defaults to production (`https://api.esimaccess.com`); point it at a fake for tests. */
  esimAccess: { accessCode: string; secretKey: string; baseUrl?: string };
  /** `baseUrl` defaults to production (`https://api.iroamly.shop`). */
  iroamly: { authKey: string; authSecret: string; baseUrl?: string };
  shopEmail: string;
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
  const esimAccess = new EsimAccessClient(config.esimAccess);
  const iroamly = new IroamlyClient(config.iroamly);
  const { app, orders } = createShopApp({ esimAccess, iroamly, shopEmail: config.shopEmail });
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
    await esimAccess.saveWebhook({ webhook: `${config.publicUrl ?? url}/webhooks/esimaccess` });
  } catch (error) {
    await close();
    throw error;
  }
  return { url, orders, close };
}
