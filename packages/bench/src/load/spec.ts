/**
 * @module
 * What the bench process asks of the load-generator child, and what the child answers.
 */
import type { Credentials, Scenario } from '../support/requests.js';

export interface LoadSpec {
  /** Server origins, e.g. http://127.0.0.1:40123 (loopback only), loaded in turns: fake, baseline, fake, ... */
  origins: { fake: string; baseline: string };
  /** Turns per side. */
  rounds: number;
  /** Path and body; the fake and its baseline get the same. */
  scenario: Scenario;
  credentials: Credentials;
  connections: number;
  /** Seconds of one turn. */
  turnS: number;
  /** Seconds of unmeasured load on each side before the first round. */
  warmupS: number;
}

/** Every turn's result, per side, in the order run. */
export interface LoadRounds {
  fake: LoadResult[];
  baseline: LoadResult[];
}

export interface LoadResult {
  requests: number;
  durationS: number;
  /** Answered requests per second over the measured run. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Every answer's latency in µs (so runs of several rounds can be merged). */
  latenciesUs: number[];
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Answers whose body did not contain the scenario's `expect`: a run with any is not a valid measurement. */
  unexpected: number;
}
