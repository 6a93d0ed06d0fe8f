/**
 * @module
 * Runs the load generator in a second process (so it never shares a core's event loop with the server it measures)
 * and reads its one-line JSON answer.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { percentile } from '../support/stats.js';
import type { LoadResult, LoadRounds, LoadSpec } from './spec.js';

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

export function runLoad(spec: LoadSpec): Promise<LoadRounds> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(spec)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) {
        reject(new Error(`load generator failed (exit ${code}): ${err.trim() || out.trim()}`));
        return;
      }
      resolve(JSON.parse(line) as LoadRounds);
    });
  });
}

/** Several results of the same load as one: totals summed, percentiles over every answer. */
export function mergeResults(results: readonly LoadResult[]): LoadResult {
  const latenciesUs = results.flatMap((r) => r.latenciesUs);
  const sum = (key: 'requests' | 'durationS' | 'errors' | 'timeouts' | 'non2xx' | 'unexpected') =>
    results.reduce((total, r) => total + r[key], 0);
  return {
    requests: sum('requests'),
    durationS: sum('durationS'),
    rps: sum('requests') / sum('durationS'),
    p50Ms: percentile(latenciesUs, 50) / 1000,
    p99Ms: percentile(latenciesUs, 99) / 1000,
    latenciesUs,
    errors: sum('errors'),
    timeouts: sum('timeouts'),
    non2xx: sum('non2xx'),
    unexpected: sum('unexpected'),
  };
}
