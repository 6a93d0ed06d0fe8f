/**
 * @module
 * Display formatting: money from integer minor units (no float arithmetic), bytes, virtual times.
 */

/** `123456` with 4 decimals → `12.3456`, shown with at least 2 decimals (`12.34` when the rest is 0). */
export function formatMinor(amount: number, decimals: number): string {
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.abs(Math.trunc(amount))).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits
    .slice(digits.length - decimals)
    .replace(/0+$/, '')
    .padEnd(2, '0');
  return `${sign}${Number(whole).toLocaleString('en-US')}.${fraction}`;
}

/** eSIM Access money: 1/10,000 USD (`-$1.12`). */
export const usd = (amount: number): string => `${amount < 0 ? '-' : ''}$${formatMinor(Math.abs(amount), 4)}`;

/** iRoamly money: 1/100 credit. */
export const credits = (amount: number): string => `${formatMinor(amount, 2)} cr`;

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 2 : 1)} ${UNITS[unit]}`;
}

/** `2026-05-01 12:00:00` (UTC, virtual time). */
export function formatTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '';
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, '');
}

/** `2d 4h`, `35m`, `12s` for a span in ms. */
export function formatSpan(ms: number): string {
  const abs = Math.abs(ms);
  const sign = ms < 0 ? '-' : '';
  const d = Math.floor(abs / 86_400_000);
  const h = Math.floor((abs % 86_400_000) / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  const s = Math.floor((abs % 60_000) / 1000);
  if (d > 0) return `${sign}${d}d${h ? ` ${h}h` : ''}`;
  if (h > 0) return `${sign}${h}h${m ? ` ${m}m` : ''}`;
  if (m > 0) return `${sign}${m}m`;
  return `${sign}${s}s`;
}

/** Percentage 0-100 (integer) of used over total; 0 when the total is 0. */
export function percent(used: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.round((used * 100) / total));
}
