/**
 * @module
 * How big and how long: one place, so a quick smoke run (`--quick`) and the full run measure the same things.
 */

export interface BenchSettings {
  /** Alternating rounds (fake, baseline, fake, ...) every figure is the median of (`--rounds`). */
  rounds: number;
  /** Seconds of measured load per HTTP figure and side, split evenly over the rounds, after `warmupS`. */
  durationS: number;
  warmupS: number;
  /** Concurrent connections of the load generator. */
  connections: number;
  /** The two sizes (profiles; events for the fan-out) every figure is measured at. */
  sizes: readonly [small: number, large: number];
  /** Repetitions of the per-test cycle in one round (the round's value is their mean). */
  perTestRepeats: number;
  /** The fakes' `webhookConcurrency` in the fan-out figure (`--webhook-concurrency`; undefined: the engine's default). */
  webhookConcurrency?: number;
  /** Only the figures whose name contains this, case-insensitive (`--figure`); undefined: all. */
  figure?: string;
  /** Sequential in-process requests per msw figure (split over the rounds). */
  mswRequests: number;
  /** Profile counts of the reconciler's sync benchmark (its own script, run as a child). */
  reconcilerSizes: readonly [small: number, large: number];
  /** Where the JSON goes. */
  out: string;
}

export const FULL: Omit<BenchSettings, 'out'> = {
  rounds: 5,
  durationS: 5,
  warmupS: 1,
  connections: 10,
  sizes: [1_000, 10_000],
  perTestRepeats: 20,
  mswRequests: 3_000,
  reconcilerSizes: [1_000, 10_000],
};

export const QUICK: Omit<BenchSettings, 'out'> = {
  rounds: 3,
  durationS: 1,
  warmupS: 0.5,
  connections: 10,
  sizes: [200, 1_000],
  perTestRepeats: 3,
  mswRequests: 300,
  reconcilerSizes: [500, 2_000],
};

/** Whether `--figure` selects the figure named `name` (every figure without the flag). */
export function wants(settings: Pick<BenchSettings, 'figure'>, name: string): boolean {
  return settings.figure === undefined || name.toLowerCase().includes(settings.figure.toLowerCase());
}
