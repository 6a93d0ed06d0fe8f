/**
 * The QR images profiles point at (`qrCodeUrl`) and the short install page (`shortUrl`), served without auth like the
 * provider's public CDN. PNGs come from the engine's QR renderer.
 * @module
 */
import { type AccountLookup, qrPngResponse } from '@esim-sandbox/emulator';
import type { Hono } from 'hono';
import { QR_PATH } from '../runtime/runtime.js';
import { profileList } from '../state/profile-list.js';
import type { EsimAccessAccountState, ProfileRecord } from '../state/types.js';

function findByQrId(
  accounts: AccountLookup<EsimAccessAccountState>,
  qrId: string,
): ProfileRecord | undefined {
  for (const tenant of accounts.accounts()) {
    const profile = profileList(tenant.state).find((p) => p.qrId === qrId);
    if (profile) return profile;
  }
  return undefined;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] ?? ch);

export function registerQrRoutes(app: Hono, accounts: AccountLookup<EsimAccessAccountState>): void {
  app.get(`${QR_PATH}/:file`, async (c) => {
    const file = c.req.param('file');
    const png = file.endsWith('.png');
    const profile = findByQrId(accounts, png ? file.slice(0, -4) : file);
    if (!profile) return c.text('not found', 404);
    if (png) return qrPngResponse(profile.ac);
    const ac = escapeHtml(profile.ac);
    return c.html(
      `<!doctype html><title>Install your eSIM</title><h1>Install your eSIM</h1>` +
        `<img src="${QR_PATH}/${profile.qrId}.png" alt="eSIM QR code" width="300"><p>Activation code: <code>${ac}</code></p>`,
    );
  });
}
