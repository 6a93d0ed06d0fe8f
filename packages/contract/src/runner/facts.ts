/**
 * Comparing and printing facts: a check passes when its facts include the expected ones; two runs agree on a check
 * when their facts are equal.
 * @module
 */
import type { Facts, Json } from './types.js';

/** Key order does not matter, so objects are compared through a sorted rendering. */
function canonical(value: Json | undefined): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
}

export function sameJson(a: Json | undefined, b: Json | undefined): boolean {
  return canonical(a) === canonical(b);
}

export function sameFacts(a: Facts | undefined, b: Facts | undefined): boolean {
  return a !== undefined && b !== undefined && canonical(a) === canonical(b);
}

/** One line per expected fact the observation does not show. */
export function unmetExpectations(expected: Facts, facts: Facts): string[] {
  return Object.entries(expected)
    .filter(([key, value]) => !sameJson(value, facts[key]))
    .map(([key, value]) => `${key}: expected ${canonical(value)}, got ${canonical(facts[key])}`);
}

/** `errorCode=101003 success=false`, for tables. */
export function formatFacts(facts: Facts | undefined): string {
  if (!facts) return '';
  return Object.entries(facts)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : canonical(value)}`)
    .join(' ');
}
