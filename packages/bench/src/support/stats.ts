/**
 * @module
 * Small measuring helpers: percentiles, medians, timing and heap readings.
 */

/** The p-th percentile (0-100) of unsorted samples, nearest-rank; NaN when there are none. */
export function percentile(samples: ArrayLike<number>, p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = Float64Array.from(samples).sort();
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function median(samples: ArrayLike<number>): number {
  return percentile(samples, 50);
}

/** Milliseconds `fn` took (awaited). */
export async function timeMs(fn: () => unknown): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** Heap in use after a full collection (needs `--expose-gc`; without it the reading is noisier). */
export function settledHeapBytes(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}
