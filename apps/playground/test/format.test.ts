import { describe, expect, it } from 'vitest';
import { credits, formatBytes, formatMinor, formatSpan, formatTime, percent, usd } from '../src/format.js';

describe('money is formatted from integer minor units without float arithmetic', () => {
  it.each([
    [10_000_000, '$1,000.00'],
    [5_200, '$0.52'],
    [5_199, '$0.5199'],
    [1, '$0.0001'],
    [0, '$0.00'],
    [-11_200, '-$1.12'],
  ])('eSIM Access %i (1/10,000 USD) reads %s', (amount, text) => {
    expect(usd(amount)).toBe(text);
  });

  it.each([
    [100_000, '1,000.00 cr'],
    [399, '3.99 cr'],
    [5, '0.05 cr'],
  ])('iRoamly %i (1/100 credit) reads %s', (amount, text) => {
    expect(credits(amount)).toBe(text);
  });

  it('keeps every digit of amounts beyond float precision', () => {
    expect(formatMinor(9_007_199_254_740_991, 4)).toBe('900,719,925,474.0991');
  });
});

describe('other display values', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [524_288_000, '500.0 MB'],
    [1_598_029_824, '1.49 GB'],
  ])('%i bytes read %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it.each([
    [12_000, '12s'],
    [35 * 60_000, '35m'],
    [(2 * 24 + 4) * 3_600_000, '2d 4h'],
    [-3_600_000, '-1h'],
  ])('a span of %i ms reads %s', (ms, text) => {
    expect(formatSpan(ms)).toBe(text);
  });

  it('shows virtual times in UTC without milliseconds, and nothing for no time', () => {
    expect(formatTime(Date.UTC(2026, 4, 1, 12, 0, 5, 123))).toBe('2026-05-01 12:00:05');
    expect(formatTime(null)).toBe('');
  });

  it('caps usage percentages at 100 and treats a zero total as 0 %', () => {
    expect(percent(50, 200)).toBe(25);
    expect(percent(300, 200)).toBe(100);
    expect(percent(5, 0)).toBe(0);
  });
});
