/**
 * @module
 * One row of the benchmark table: a measured value, the baseline it is compared with (measured in the same run) and
 * the ratio between them, plus the target where it has one. A figure measured in rounds carries their
 * medians as value, baseline and ratio, and their spread.
 */
import type { RoundsSummary } from './rounds.js';

export type Unit = 'req/s' | 's' | 'ms' | 'µs' | 'events/s' | 'B/profile' | 'MB';

export interface Baseline {
  /** What was measured as the baseline, e.g. "bare Hono, same body". */
  name: string;
  value: number;
}

export interface Figure {
  /** Figure group of the issue (1 HTTP, 2 msw, 3 start-up/state, 4 fan-out, 5 reconciler, 6 dashboard). */
  group: number;
  name: string;
  value: number;
  unit: Unit;
  /** Higher values are better (throughput) or worse (time, memory): decides how the target reads the ratio. */
  higherIsBetter: boolean;
  baseline?: Baseline;
  /** value / baseline.value; with rounds, the median of the per-round ratios. */
  ratio?: number;
  /** The alternating rounds the figure is the median of (absent: one reading). */
  rounds?: RoundsSummary;
  /** Facts checked while measuring (e.g. "zero lost"): a false one makes `pnpm bench` exit 1. */
  checks?: Record<string, boolean>;
  /** Extra numbers shown after the value (p50/p99 latency, loss counts). */
  details?: Record<string, number | string>;
  /** The target in words, and whether this run met it. */
  target?: { text: string; met: boolean };
  /** Why the figure could not be measured; value is then NaN. */
  unavailable?: string;
}

export function figure(f: Omit<Figure, 'ratio'>): Figure {
  if (f.rounds?.ratio !== undefined) return { ...f, ratio: f.rounds.ratio };
  const ratio = f.baseline && f.baseline.value !== 0 ? f.value / f.baseline.value : undefined;
  return ratio === undefined ? f : { ...f, ratio };
}

/** A figure whose value and baseline are the medians of its rounds. */
export function roundsFigure(
  f: Omit<Figure, 'ratio' | 'value' | 'baseline' | 'rounds'>,
  rounds: RoundsSummary,
  baselineName?: string,
): Figure {
  const baseline =
    baselineName !== undefined && rounds.baseline !== undefined
      ? { baseline: { name: baselineName, value: rounds.baseline } }
      : {};
  return figure({ ...f, value: rounds.value, ...baseline, rounds });
}

/** The names of the checks a figure failed. */
export function failedChecks(f: Figure): string[] {
  return Object.entries(f.checks ?? {})
    .filter(([, ok]) => !ok)
    .map(([name]) => name);
}

export function unavailable(group: number, name: string, unit: Unit, why: string): Figure {
  return { group, name, value: Number.NaN, unit, higherIsBetter: false, unavailable: why };
}
