/**
 * Time formats the provider uses. Everything is UTC and computed from the virtual clock's ms.
 * @module
 */

export const DAY_MS = 24 * 60 * 60 * 1000;

/** `2024-05-29T18:34:17+0000`: the form esim/query and esim/topup answer with. */
export function formatProviderTime(ms: number): string {
  return `${isoSeconds(ms)}+0000`;
}

/** `2025-08-09T00:23:45Z`: the form webhooks carry in eventGenerateTime. */
export function formatWebhookTime(ms: number): string {
  return `${isoSeconds(ms)}Z`;
}

/** Years 0000-9999: outside them toISOString writes six-digit years, which only the slow path below keeps. */
const FOUR_DIGIT_YEARS = {
  from: Date.parse('0000-01-01T00:00:00Z'),
  to: Date.parse('9999-12-31T23:59:59.999Z'),
};
const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
/** `YYYY-MM-DD` per day since the epoch, bounded (profiles of one account share a few hundred days at most). */
const dates = new Map<number, string>();

/**
 * `new Date(ms).toISOString().slice(0, 19)`, which an esim/query page of 50 profiles calls ~150 times: a day's date
 * is formatted once, the time of day is plain arithmetic.
 */
function isoSeconds(ms: number): string {
  const t = Math.trunc(ms);
  if (!(t >= FOUR_DIGIT_YEARS.from && t <= FOUR_DIGIT_YEARS.to))
    return new Date(ms).toISOString().slice(0, 19);
  const day = Math.floor(t / DAY_MS);
  let date = dates.get(day);
  if (date === undefined) {
    if (dates.size >= 4096) dates.clear();
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dates.set(day, date);
  }
  const second = Math.floor((t - day * DAY_MS) / 1000);
  const hh = TWO_DIGITS[Math.floor(second / 3600)];
  const mm = TWO_DIGITS[Math.floor(second / 60) % 60];
  const ss = TWO_DIGITS[second % 60];
  return `${date}T${hh}:${mm}:${ss}`;
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
