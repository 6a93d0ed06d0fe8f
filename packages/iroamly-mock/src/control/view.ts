/**
 * @module
 * Outbox views shared by the `/_sandbox` routes and the typed control handle: the rendered mail, and for one
 * message its QR images inline (data URLs), so a dashboard can show the mail without a second request.
 */
import { renderQrPng } from '@esim-sandbox/emulator';
import { type RenderedCode, type RenderedMessage, renderOutboxMessage } from '../state/outbox.js';
import type { AccountState } from '../state/types.js';
import { findMessage } from './actions.js';

export interface MessageWithQr extends RenderedMessage {
  codes: (RenderedCode & { qrPngDataUrl?: string | undefined })[];
}

export function outboxView(state: AccountState, fallbackBaseUrl: string, to?: string): RenderedMessage[] {
  return state.outbox
    .filter((m) => to === undefined || m.to === to)
    .map((m) => renderOutboxMessage(m, fallbackBaseUrl));
}

export async function messageView(
  state: AccountState,
  messageId: string,
  fallbackBaseUrl: string,
): Promise<MessageWithQr | undefined> {
  const message = findMessage(state, messageId);
  if (!message) return undefined;
  const rendered = renderOutboxMessage(message, fallbackBaseUrl);
  const codes = await Promise.all(
    rendered.codes.map(async (code) => {
      if (!code.lpa) return code;
      const png = await renderQrPng(code.lpa);
      return { ...code, qrPngDataUrl: `data:image/png;base64,${Buffer.from(png).toString('base64')}` };
    }),
  );
  return { ...rendered, codes };
}
