/**
 * @module
 * The argument formats a user types: durations (`7d`, `90m`, `1h30m`) and percentages (`60%`). A bad value is a
 * usage error naming the argument.
 */
import { usageError } from './errors.js';

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** `7d` -> 604800000; parts add up (`1h30m`); a bare number is milliseconds. */
export function parseDuration(text: string, name = 'duration'): number {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const parts = [...trimmed.matchAll(/(\d+)(ms|s|m|h|d|w)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== trimmed) {
    throw usageError(`${name}: '${text}' is not a duration (e.g. 7d, 12h, 90m, 30s, 1h30m, 500ms)`);
  }
  return parts.reduce((sum, p) => sum + Number(p[1]) * UNIT_MS[p[2] as keyof typeof UNIT_MS], 0);
}

/** `60%` or `60` -> 0.6; 0 < p <= 100. */
export function parsePercent(text: string, name = 'percent'): number {
  const match = /^(\d+(?:\.\d+)?)%?$/.exec(text.trim());
  const value = match ? Number(match[1]) : Number.NaN;
  if (!(value > 0 && value <= 100)) {
    throw usageError(`${name}: '${text}' is not a percentage from 0 (excluded) to 100 (e.g. 60%)`);
  }
  return value / 100;
}

export function parseCount(text: string, name: string): number {
  if (!/^\d+$/.test(text.trim())) throw usageError(`${name}: '${text}' is not a whole number`);
  return Number(text);
}
