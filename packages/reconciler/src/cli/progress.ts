/**
 * Progress on stderr. On a terminal: one line redrawn in place, cleared at the end. Elsewhere (a container's log,
 * a pipe) nothing by default, so logs stay clean; `--progress` asks for it there as plain lines, at most one a
 * second per stream plus each stream's last step, so a log shows the command is alive from its first second.
 * @module
 */
import type { SyncProgress } from '../sync/types.js';

export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
  columns?: number | undefined;
}

const WIDTH = 24;
/** Redraws on a terminal, and lines elsewhere, come at most this often (except a stream's last step). */
const INTERVAL_MS = { tty: 100, lines: 1000 } as const;

export function renderProgress(progress: SyncProgress): string {
  const { accountId, stream, done, total } = progress;
  const label = `${accountId} ${stream.replace(/^[a-z]+:/, '')}`;
  if (total === undefined || total <= 0) return `${label} ${done}`;
  const ratio = Math.min(1, done / total);
  const filled = Math.round(ratio * WIDTH);
  return `${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${Math.floor(ratio * 100)}% ${done}/${total}`;
}

/** `enabled`: the `--progress`/`--no-progress` choice; undefined means "on a terminal only". */
export function createProgressBar(out: ProgressOutput, enabled: boolean | undefined) {
  const mode = enabled === false ? 'off' : out.isTTY === true ? 'tty' : enabled === true ? 'lines' : 'off';
  let drawn = false;
  const last = new Map<string, number>();
  const show = (line: string) => {
    if (mode === 'lines') out.write(`${line}\n`);
    else {
      out.write(`\r\u001b[2K${line.slice(0, (out.columns ?? 100) - 1)}`);
      drawn = true;
    }
  };
  return {
    /** A step that is not a count (opening the store): shown at once. */
    status(text: string) {
      if (mode !== 'off') show(text);
    },
    update(progress: SyncProgress) {
      if (mode === 'off') return;
      // On a terminal the one line is shared by every stream; in a log each stream gets its own lines.
      const key = mode === 'tty' ? '' : `${progress.accountId} ${progress.stream}`;
      const now = Date.now();
      if (now - (last.get(key) ?? 0) < INTERVAL_MS[mode] && progress.done !== progress.total) return;
      last.set(key, now);
      show(renderProgress(progress));
    },
    clear() {
      if (drawn) out.write('\r\u001b[2K');
      drawn = false;
    },
  };
}

export type ProgressBar = ReturnType<typeof createProgressBar>;
