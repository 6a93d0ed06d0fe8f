/**
 * @module
 * The one way every ratio of `pnpm bench` is taken: several alternating rounds (fake, baseline, fake, baseline...),
 * so a change in the machine's load during a figure hits both sides alike, and the median of the per-round ratios
 * with their spread, so one lucky or unlucky round cannot make the figure.
 */
import { median } from './stats.js';

/**
 * A figure is "stable" when the spread of its rounds (max - min) is at most this fraction of their median: the
 * runs of the method that stayed within it moved by less than that between runs too.
 */
export const STABLE_SPREAD = 0.1;

/** What the table and the JSON carry of a figure's rounds. */
export interface RoundsSummary {
  /** Rounds measured (each one fake sample and, with a baseline, one baseline sample right after it). */
  count: number;
  /** Per round, in the order measured. */
  values: number[];
  baselines?: number[];
  /** Per round: value / baseline (absent without a baseline). */
  ratios?: number[];
  /** Medians (nearest rank: the lower middle of an even count). */
  value: number;
  baseline?: number;
  ratio?: number;
  /** Min and max of the ratios (of the values without a baseline). */
  min: number;
  max: number;
  /** (max - min) / median of what min and max are taken of. */
  relativeSpread: number;
  stable: boolean;
}

/**
 * Runs `fake` then `baseline` (when given), `count` times in turn, and returns every sample. `round` is 0-based, for
 * a measurement whose first round also warms up.
 */
export async function alternate<T>(
  count: number,
  fake: (round: number) => Promise<T>,
  baseline?: (round: number) => Promise<T>,
): Promise<{ fake: T[]; baseline: T[] }> {
  const fakes: T[] = [];
  const baselines: T[] = [];
  for (let round = 0; round < count; round++) {
    fakes.push(await fake(round));
    if (baseline) baselines.push(await baseline(round));
  }
  return { fake: fakes, baseline: baselines };
}

/** The medians and spread of per-round values (and baselines, paired by round). */
export function summarise(values: readonly number[], baselines?: readonly number[]): RoundsSummary {
  if (values.length === 0) throw new Error('summarise: no rounds');
  if (baselines && baselines.length !== values.length) {
    throw new Error(`summarise: ${values.length} values but ${baselines.length} baselines`);
  }
  const ratios = baselines?.map((b, i) => values[i]! / b);
  const spreadOf = ratios ?? values;
  const mid = median(spreadOf);
  const min = Math.min(...spreadOf);
  const max = Math.max(...spreadOf);
  const relativeSpread = mid === 0 ? Number.POSITIVE_INFINITY : (max - min) / Math.abs(mid);
  return {
    count: values.length,
    values: [...values],
    ...(baselines ? { baselines: [...baselines], baseline: median(baselines) } : {}),
    ...(ratios ? { ratios, ratio: mid } : {}),
    value: median(values),
    min,
    max,
    relativeSpread,
    stable: Number.isFinite(relativeSpread) && relativeSpread <= STABLE_SPREAD,
  };
}

/** {@link alternate} numbers, then {@link summarise} them. */
export async function measureRounds(
  count: number,
  fake: (round: number) => Promise<number>,
  baseline?: (round: number) => Promise<number>,
): Promise<RoundsSummary> {
  const samples = await alternate(count, fake, baseline);
  return summarise(samples.fake, baseline ? samples.baseline : undefined);
}
