/**
 * Time formats the provider uses. Everything is UTC and computed from the virtual clock's ms.
 * @module
 */

export const DAY_MS = 24 * 60 * 60 * 1000;

/** `2024-05-29T18:34:17+0000`: the form esim/query and esim/topup answer with. */
export function formatProviderTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}+0000`;
}

/** `2025-08-09T00:23:45Z`: the form webhooks carry in eventGenerateTime. */
export function formatWebhookTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** `yyMMddHHmm`, the prefix of orderNo and esimTranNo. */
export function idTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}`;
}

/**
 * ms since the epoch for a request time (`...+0000`, `...+00:00`, `...Z`); `Date.parse` needs the colon in the
 * offset, which the provider's own form lacks.
 */
export function parseProviderTime(text: string): number {
  return Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}
