/**
 * A one-line progress bar on a terminal (stderr), redrawn in place; nothing at all when not a terminal, so
 * logs and pipes stay clean.
 * @module
 */
import type { SyncProgress } from '../sync/types.js';

export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
  columns?: number | undefined;
}

const WIDTH = 24;

export function renderProgress(progress: SyncProgress): string {
  const { accountId, stream, done, total } = progress;
  const label = `${accountId} ${stream.replace(/^[a-z]+:/, '')}`;
  if (total === undefined || total <= 0) return `${label} ${done}`;
  const ratio = Math.min(1, done / total);
  const filled = Math.round(ratio * WIDTH);
  return `${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${Math.floor(ratio * 100)}% ${done}/${total}`;
}

export function createProgressBar(out: ProgressOutput, enabled: boolean | undefined) {
  const active = enabled ?? out.isTTY === true;
  let drawn = false;
  let last = 0;
  return {
    update(progress: SyncProgress) {
      if (!active) return;
      const now = Date.now();
      // Redraw at most 10 times a second, and always on the last step.
      if (now - last < 100 && progress.done !== progress.total) return;
      last = now;
      const line = renderProgress(progress).slice(0, (out.columns ?? 100) - 1);
      out.write(`\r\u001b[2K${line}`);
      drawn = true;
    },
    clear() {
      if (drawn) out.write('\r\u001b[2K');
      drawn = false;
    },
  };
}
