/**
 * @module
 * The QR images the mock hands out (qrcodeQuery, mails): public, like the provider's image links, found by an
 * unguessable token, rendered as a real PNG of the LPA activation code by the engine.
 */
import { type AccountLookup, qrPngResponse } from '@esim-sandbox/emulator';
import type { Hono } from 'hono';
import { findByQrToken } from '../ops/query.js';
import type { AccountState } from '../state/types.js';

const FILE = /^([0-9a-f]{32})\.png$/;

export function registerQrRoutes(app: Hono, accounts: AccountLookup<AccountState>): void {
  app.get('/qrcode/:file', async (c) => {
    const token = FILE.exec(c.req.param('file'))?.[1];
    if (token) {
      for (const tenant of accounts.accounts()) {
        const qr = findByQrToken(tenant.state, token);
        if (qr) return qrPngResponse(qr.lpa);
      }
    }
    return c.text('QR code not found', 404);
  });
}
