/**
 * The page a customer opens to install their eSIM.
 * @module
 */
import type { Order } from './orders.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function qrPage(order: Order): string {
  const qrCodeUrl = order.kind === 'esim' ? order.profile?.qrCodeUrl : order.qrCodeUrl;
  const body =
    order.status === 'failed'
      ? '<p>Sorry, we could not prepare your eSIM. Our team has been told.</p>'
      : qrCodeUrl
        ? `<p>Scan this code with your phone's camera to install your eSIM.</p><img alt="eSIM QR code" src="${escapeHtml(qrCodeUrl)}">`
        : '<p>Your eSIM is being prepared. This page will show its QR code in a moment.</p>';
  const code =
    order.kind === 'esim' && order.profile
      ? `<p>Activation code: <code>${escapeHtml(order.profile.activationCode)}</code></p>`
      : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Your eSIM</title></head><body><h1>Your eSIM</h1>${body}${code}</body></html>`;
}
