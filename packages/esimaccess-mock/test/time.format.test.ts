import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatProviderTime, formatWebhookTime } from '../src/state/time.js';

/** What the formatters have always answered, written the slow, obvious way. */
const reference = (ms: number) => new Date(ms).toISOString().slice(0, 19);

describe('provider time formatting', () => {
  it.each([
    ['the epoch', 0],
    ['the last second of a day', Date.UTC(2025, 11, 31, 23, 59, 59, 999)],
    ['a leap day', Date.UTC(2024, 1, 29, 12, 0, 0)],
    ['a time before 1970', Date.UTC(1969, 11, 31, 23, 59, 59, 500)],
    ['a fractional millisecond before the epoch', -0.5],
    ['the first millisecond of year 0', Date.parse('0000-01-01T00:00:00Z')],
    ['the last millisecond of year 9999', Date.parse('9999-12-31T23:59:59.999Z')],
    ['a six-digit year', Date.parse('+010000-01-01T00:00:00Z')],
    ['a negative year', Date.parse('-000001-06-15T08:30:00Z')],
  ])('formats %s exactly as toISOString does', (_name, ms) => {
    expect(formatProviderTime(ms)).toBe(`${reference(ms)}+0000`);
    expect(formatWebhookTime(ms)).toBe(`${reference(ms)}Z`);
  });

  it('agrees with toISOString on any valid time', () => {
    fc.assert(
      // Mostly years 0000-9999 (the fast path), some anywhere a Date can be.
      fc.property(
        fc.oneof(fc.integer({ min: -6.3e13, max: 2.5e14 }), fc.integer({ min: -8.64e15, max: 8.64e15 })),
        (ms) => {
          expect(formatProviderTime(ms)).toBe(`${reference(ms)}+0000`);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('throws like toISOString for a time that is not a date', () => {
    expect(() => formatProviderTime(Number.NaN)).toThrow(RangeError);
  });
});
