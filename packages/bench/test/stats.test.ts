import { describe, expect, it } from 'vitest';
import { median, percentile } from '../src/support/stats.js';

describe('percentiles', () => {
  it.each([
    [[5], 50, 5],
    [[5], 99, 5],
    [[3, 1, 2], 50, 2],
    [[1, 2, 3, 4], 50, 2],
    [[1, 2, 3, 4], 75, 3],
    [Array.from({ length: 100 }, (_, i) => 100 - i), 99, 99],
    [Array.from({ length: 1000 }, (_, i) => i + 1), 99, 990],
  ])('the nearest-rank percentile of %j at p%i is %d', (samples, p, expected) => {
    expect(percentile(samples, p)).toBe(expected);
  });

  it('has no percentile of no samples', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(median([])).toBeNaN();
  });

  it('does not reorder the samples it is given', () => {
    const samples = [3, 1, 2];
    median(samples);
    expect(samples).toEqual([3, 1, 2]);
  });
});
