/**
 * @module
 * What the bench process asks of the load-generator child, and what the child answers.
 */
import type { Credentials, Scenario } from '../support/requests.js';

export interface LoadSpec {
  /** Server origin, e.g. http://127.0.0.1:40123 (loopback only). */
  origin: string;
  /** Path and body; the fake and its baseline get the same. */
  scenario: Scenario;
  credentials: Credentials;
  connections: number;
  durationS: number;
  warmupS: number;
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
