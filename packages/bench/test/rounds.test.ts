import { describe, expect, it } from 'vitest';
import { alternate, measureRounds, STABLE_SPREAD, summarise } from '../src/support/rounds.js';

describe('the rounds every figure is the median of', () => {
  it.each([
    {
      case: 'odd count, with a baseline: medians of each side, ratio the median of the per-round ratios',
      values: [90, 100, 110],
      baselines: [200, 200, 200],
      expected: { value: 100, baseline: 200, ratio: 0.5, min: 0.45, max: 0.55, stable: false },
    },
    {
      case: 'the ratio is paired by round, not the ratio of the medians',
      values: [10, 20, 40],
      baselines: [10, 40, 20],
      expected: { value: 20, baseline: 20, ratio: 1, min: 0.5, max: 2, stable: false },
    },
    {
      case: 'even count: the lower middle (nearest rank)',
      values: [4, 1, 3, 2],
      baselines: undefined,
      expected: { value: 2, min: 1, max: 4, stable: false },
    },
    {
      case: 'without a baseline the spread is of the values',
      values: [100, 104, 96, 102, 98],
      baselines: undefined,
      expected: { value: 100, min: 96, max: 104, stable: true },
    },
    {
      case: 'a spread of exactly the threshold is stable',
      values: [95, 100, 105],
      baselines: [1, 1, 1],
      expected: { value: 100, baseline: 1, ratio: 100, min: 95, max: 105, stable: true },
    },
    {
      case: 'one round',
      values: [7],
      baselines: [14],
      expected: { value: 7, baseline: 14, ratio: 0.5, min: 0.5, max: 0.5, stable: true },
    },
  ])('$case', ({ values, baselines, expected }) => {
    const summary = summarise(values, baselines);
    expect(summary).toMatchObject({ count: values.length, ...expected });
    expect(summary.relativeSpread).toBeCloseTo(
      (expected.max - expected.min) / (expected.ratio ?? expected.value),
    );
    expect(summary.values).toEqual(values);
    if (!baselines) expect(summary).not.toHaveProperty('ratio');
  });

  it(`calls a figure stable only when its spread is at most ${STABLE_SPREAD * 100} % of its median`, () => {
    expect(summarise([100, 100 + STABLE_SPREAD * 100 + 1]).stable).toBe(false);
    expect(summarise([0, 0]).stable).toBe(false);
  });

  it('refuses no rounds and baselines that do not pair with the values', () => {
    expect(() => summarise([])).toThrow('no rounds');
    expect(() => summarise([1, 2], [1])).toThrow('2 values but 1 baselines');
  });

  it('alternates fake and baseline, fake first, passing the round number', async () => {
    const calls: string[] = [];
    const samples = await alternate(
      3,
      async (round) => {
        calls.push(`fake ${round}`);
        return round;
      },
      async (round) => {
        calls.push(`baseline ${round}`);
        return 10 + round;
      },
    );
    expect(calls).toEqual(['fake 0', 'baseline 0', 'fake 1', 'baseline 1', 'fake 2', 'baseline 2']);
    expect(samples).toEqual({ fake: [0, 1, 2], baseline: [10, 11, 12] });
  });

  it('measures rounds without a baseline too', async () => {
    const values = [3, 1, 2];
    const summary = await measureRounds(3, async (round) => values[round]!);
    expect(summary).toMatchObject({ count: 3, value: 2, min: 1, max: 3 });
    expect(summary.baselines).toBeUndefined();
  });
});
