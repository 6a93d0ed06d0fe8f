/**
 * @module
 * How big and how long: one place, so a quick smoke run (`--quick`) and the full run measure the same things.
 */

export interface BenchSettings {
  /** Seconds of measured load per HTTP figure, after `warmupS`. */
  durationS: number;
  warmupS: number;
  /** Concurrent connections of the load generator. */
  connections: number;
  /** The two state sizes (profiles) every size-dependent figure is measured at. */
  sizes: readonly [small: number, large: number];
  /** Sequential in-process requests per msw figure. */
  mswRequests: number;
  /** Spawns per CLI start-up figure (the median is reported). */
  cliRuns: number;
  /** Profile counts of the reconciler's sync benchmark (its own script, run as a child). */
  reconcilerSizes: readonly [small: number, large: number];
  /** Where the JSON goes. */
  out: string;
}

export const FULL: Omit<BenchSettings, 'out'> = {
  durationS: 5,
  warmupS: 1,
  connections: 10,
  sizes: [1_000, 10_000],
  mswRequests: 3_000,
  cliRuns: 5,
  reconcilerSizes: [1_000, 10_000],
};

export const QUICK: Omit<BenchSettings, 'out'> = {
  durationS: 1,
  warmupS: 0.5,
  connections: 10,
  sizes: [200, 1_000],
  mswRequests: 300,
  cliRuns: 2,
  reconcilerSizes: [500, 2_000],
};
