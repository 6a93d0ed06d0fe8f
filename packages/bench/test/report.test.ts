import { describe, expect, it } from 'vitest';
import { figure, roundsFigure, unavailable } from '../src/support/figures.js';
import { type BenchRun, formatNumber, renderFooter, renderTable } from '../src/support/report.js';
import { summarise } from '../src/support/rounds.js';

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

  it('measured in rounds carry the medians, and the median of the per-round ratios', () => {
    const f = roundsFigure(
      { group: 1, name: 'x', unit: 'req/s', higherIsBetter: true },
      summarise([10, 30, 20], [20, 30, 50]),
      'bare',
    );
    expect(f).toMatchObject({ value: 20, baseline: { name: 'bare', value: 30 }, ratio: 0.5 });
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
        target: { text: '>= 0.7x bare Hono', met: false },
      },
      unavailable(5, 'reconciler sync', 's', 'no benchmark script'),
    ]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toBe(
      '| 1 | signed balance/query | 4,000 req/s (p50 1.20 ms) | bare Hono: 10,000 | 0.400x |  | one reading | MISSED: >= 0.7x bare Hono |',
    );
    expect(lines[3]).toBe('| 5 | reconciler sync | not available: no benchmark script |  |  |  |  |  |');
  });

  it('shows the spread of the rounds and whether the figure is stable', () => {
    const lines = renderTable([
      roundsFigure(
        { group: 1, name: 'a', unit: 'req/s', higherIsBetter: true },
        summarise([45, 50, 55], [100, 100, 100]),
        'bare',
      ),
      roundsFigure({ group: 6, name: 'b', unit: 'ms', higherIsBetter: false }, summarise([0.5, 0.52, 0.51])),
    ]).split('\n');
    expect(lines[2]).toBe(
      '| 1 | a | 50 req/s | bare: 100 | 0.500x | 0.450-0.550x (3 rounds) | no (20.0 %) |  |',
    );
    expect(lines[3]).toBe('| 6 | b | 0.510 ms |  |  | 0.500-0.520 ms (3 rounds) | yes (3.92 %) |  |');
  });

  it('says which checks held, and names the ones that failed', () => {
    const row = (checks: Record<string, boolean>) =>
      renderTable([
        { ...figure({ group: 4, name: 'f', value: 1, unit: 'events/s', higherIsBetter: true }), checks },
      ])
        .split('\n')[2]
        ?.split(' | ')
        .at(-1);
    expect(row({ 'zero lost': true, 'order per profile': true })).toBe(
      'checked: zero lost, order per profile |',
    );
    expect(row({ 'zero lost': false, 'order per profile': true })).toBe('CHECK FAILED: zero lost |');
  });

  it('is followed by what the columns mean and the load before and after', () => {
    const run: BenchRun = {
      startedAt: '2026-01-01T00:00:00.000Z',
      durationS: 12,
      machine: {
        cores: 2,
        cpu: 'cpu',
        node: 'v20',
        platform: 'linux-x64',
        totalMemMB: 1,
        loadAverage: { atStart: 0.5, atEnd: 1.25 },
      },
      settings: {},
      figures: [],
    };
    const footer = renderFooter(run, 'out.json');
    expect(footer).toContain('stable: spread / median <= 10 %');
    expect(footer).toContain('load average 0.50 before and 1.25 after');
  });

  it('escapes pipes inside cells so the Markdown table keeps its columns', () => {
    const table = renderTable([
      figure({ group: 3, name: 'a | b', value: 1, unit: 'ms', higherIsBetter: false }),
    ]);
    expect(table.split('\n')[2]).toContain('a \\| b');
  });
});
