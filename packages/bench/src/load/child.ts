/**
 * @module
 * The load generator's process: autocannon against the fake and its baseline (servers of the bench process, loopback
 * only) in alternating turns, a fixed number of connections for a fixed time each. Reads a LoadSpec (JSON) from argv,
 * prints one LoadRounds (JSON) on stdout.
 * Every request is built like a real client's (eSIM Access: fresh timestamp, request id and signature), and latencies
 * come from autocannon's per-response timings (sub-millisecond), not its whole-millisecond histogram.
 */
import autocannon from 'autocannon';
import { requestHeaders } from '../support/requests.js';
import { alternate } from '../support/rounds.js';
import { percentile } from '../support/stats.js';
import type { LoadResult, LoadRounds, LoadSpec } from './spec.js';

const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
for (const origin of Object.values(spec.origins)) {
  if (!/^http:\/\/(127\.0\.0\.1|\[::1\]):\d+$/.test(origin)) {
    throw new Error(`the load generator only targets loopback, got ${origin}`);
  }
}
const { scenario, credentials } = spec;
// iRoamly's headers are static; computing them once keeps the client's cost per request the same for fake and baseline.
const staticHeaders = scenario.provider === 'iroamly' ? requestHeaders(scenario, credentials) : undefined;

function run(origin: string, durationS: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let unexpected = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: origin,
        connections: spec.connections,
        duration: durationS,
        pipelining: 1,
        timeout: 10,
        requests: [
          {
            method: 'POST',
            path: scenario.path,
            body: scenario.body,
            setupRequest: (request) => ({
              ...request,
              headers: staticHeaders ?? requestHeaders(scenario, credentials),
            }),
            onResponse: (_status, body) => {
              if (!body.includes(scenario.expect)) unexpected++;
            },
          },
        ],
      },
      (err, res) => {
        if (err) return reject(err);
        resolve({
          requests: res.requests.total,
          durationS: res.duration,
          rps: res.requests.total / res.duration,
          p50Ms: percentile(latencies, 50),
          p99Ms: percentile(latencies, 99),
          latenciesUs: latencies.map((ms) => Math.round(ms * 1000)),
          errors: res.errors,
          timeouts: res.timeouts,
          non2xx: res.non2xx,
          unexpected,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTimeMs) => {
      latencies.push(responseTimeMs);
    });
  });
}

if (spec.warmupS > 0) {
  await run(spec.origins.fake, spec.warmupS);
  await run(spec.origins.baseline, spec.warmupS);
}
const rounds: LoadRounds = await alternate(
  spec.rounds,
  () => run(spec.origins.fake, spec.turnS),
  () => run(spec.origins.baseline, spec.turnS),
);
process.stdout.write(`${JSON.stringify(rounds)}\n`);
