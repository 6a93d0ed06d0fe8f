import { describe, expect, it } from 'vitest';
import { figure, unavailable } from '../src/support/figures.js';
import { formatNumber, renderTable } from '../src/support/report.js';

describe('figures', () => {
  it('carry the ratio of value to baseline', () => {
    const f = figure({
      group: 1,
      name: 'x',
      value: 300,
      unit: 'req/s',
      higherIsBetter: true,
      baseline: { name: 'bare', value: 600 },
    });
    expect(f.ratio).toBe(0.5);
  });

  it('have no ratio without a baseline, or against a zero baseline', () => {
    expect(
      figure({ group: 1, name: 'x', value: 3, unit: 'ms', higherIsBetter: false }).ratio,
    ).toBeUndefined();
    const zero = figure({
      group: 1,
      name: 'x',
      value: 3,
      unit: 'ms',
      higherIsBetter: false,
      baseline: { name: 'b', value: 0 },
    });
    expect(zero.ratio).toBeUndefined();
  });
});

describe('the table', () => {
  it.each([
    [12_345, '12,345'],
    [1234.56, '1,235'],
    [12.345, '12.3'],
    [1.2345, '1.23'],
    [0.01234, '0.012'],
    [Number.NaN, 'n/a'],
  ])('prints %d as %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it('has one row per figure with value, baseline, ratio and whether the target was met', () => {
    const table = renderTable([
      {
        ...figure({
          group: 1,
          name: 'signed balance/query',
          value: 4000,
          unit: 'req/s',
          higherIsBetter: true,
          baseline: { name: 'bare Hono', value: 10_000 },
          details: { p50: '1.20 ms' },
        }),
        target: { text: '>= 0.5x bare Hono', met: false },
      },
      unavailable(5, 'reconciler sync', 's', 'no benchmark script'),
    ]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toBe(
      '| 1 | signed balance/query | 4,000 req/s (p50 1.20 ms) | bare Hono: 10,000 | 0.400x | MISSED: >= 0.5x bare Hono |',
    );
    expect(lines[3]).toBe('| 5 | reconciler sync | not available: no benchmark script |  |  |  |');
  });

  it('escapes pipes inside cells so the Markdown table keeps its columns', () => {
    const table = renderTable([
      figure({ group: 3, name: 'a | b', value: 1, unit: 'ms', higherIsBetter: false }),
    ]);
    expect(table.split('\n')[2]).toContain('a \\| b');
  });
});
