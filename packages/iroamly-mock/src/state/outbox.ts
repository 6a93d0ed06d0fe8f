/**
 * @module
 * The mails the provider sends, kept as data and rendered to text/html (with absolute QR image URLs) when read.
 */

import { nextMessageId } from './ids.js';
import type { AccountState, OutboxCode, OutboxMessage } from './types.js';

/** Where the fake serves a QR image; relative to the fake's base URL. */
export function qrImagePath(token: string): string {
  return `/qrcode/${token}.png`;
}

export function qrImageUrl(baseUrl: string, token: string): string {
  return new URL(qrImagePath(token), baseUrl).toString();
}

export function pushMessage(state: AccountState, message: Omit<OutboxMessage, 'id'>): OutboxMessage {
  const stored: OutboxMessage = { id: nextMessageId(state), ...message };
  state.outbox.push(stored);
  return stored;
}

export interface RenderedCode extends Omit<OutboxCode, 'qrToken'> {
  /** Absolute URL of the QR PNG, for redeemed codes. */
  qrcode?: string | undefined;
}

export interface RenderedMessage extends Omit<OutboxMessage, 'codes' | 'createdAt'> {
  /** ISO 8601 virtual time. */
  createdAt: string;
  codes: RenderedCode[];
  text: string;
  html: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function intro(message: OutboxMessage): string {
  switch (message.kind) {
    case 'codes_purchased':
      return `Thank you for your order ${message.orderId ?? ''}. Your redeem codes:`;
    case 'qr_redeemed':
      return 'Your eSIM is ready. Scan the QR code with the phone that will use the eSIM:';
    case 'redemption_failed':
      return `We could not redeem your codes (${message.failureReason ?? 'unknown reason'}). You may try again:`;
  }
}

function codeLine(code: RenderedCode): string {
  const parts = [`${code.redeemCode} - ${code.plan} (valid until ${code.expire_at})`];
  if (code.lpa) parts.push(`activation code: ${code.lpa}`);
  if (code.qrcode) parts.push(`QR code: ${code.qrcode}`);
  return parts.join('\n  ');
}

function codeHtml(code: RenderedCode): string {
  const img = code.qrcode ? `<br><img src="${escapeHtml(code.qrcode)}" alt="QR code" width="256">` : '';
  const lpa = code.lpa ? `<br><code>${escapeHtml(code.lpa)}</code>` : '';
  return `<li><strong>${escapeHtml(code.redeemCode)}</strong> ${escapeHtml(code.plan)} (valid until ${code.expire_at})${lpa}${img}</li>`;
}

/**
 * The message as a mail client would show it. QR links use the origin the redeem request came in on, else
 * `fallbackBaseUrl` (where the fake is reachable).
 */
export function renderOutboxMessage(message: OutboxMessage, fallbackBaseUrl: string): RenderedMessage {
  const base = message.baseUrl ?? fallbackBaseUrl;
  const codes: RenderedCode[] = message.codes.map(({ qrToken, ...code }) =>
    qrToken ? { ...code, qrcode: qrImageUrl(base, qrToken) } : code,
  );
  const head = intro(message);
  return {
    ...message,
    createdAt: new Date(message.createdAt).toISOString(),
    codes,
    text: [head, ...codes.map((c) => `- ${codeLine(c)}`)].join('\n'),
    html: `<p>${escapeHtml(head)}</p><ul>${codes.map(codeHtml).join('')}</ul>`,
  };
}
