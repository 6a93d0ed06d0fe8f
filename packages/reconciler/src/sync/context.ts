/**
 * The context a sync stream runs in: the run, the options, progress, and `commit`, which writes a page and its
 * cursor in one transaction, so a kill between pages resumes after the last committed one.
 * @module
 */
import { InvalidArgumentError } from '@esim-sandbox/core';
import { type Finding, recordFindings } from '../drift/findings.js';
import type { Db, Store } from '../store/open.js';
import { readCursor, saveCursor } from '../store/runs.js';
import type { ResolvedSyncOptions, SyncOptions, SyncProgress } from './types.js';

export interface StreamContext {
  store: Store;
  accountId: string;
  runId: number;
  runStartedAt: Date;
  options: ResolvedSyncOptions;
  /** The stream's saved position in this run, or null for a fresh start; `done` when it already finished. */
  cursor(stream: string): Promise<{ position: string | null; done: boolean }>;
  /** Runs `write` and saves the stream's new position in the same transaction; `write` returns its findings. */
  commit(
    stream: string,
    position: string | null,
    write?: (tx: Db) => Promise<Finding[]>,
    done?: boolean,
  ): Promise<void>;
  progress(stream: string, done: number, total?: number): void;
}

const DEFAULT_SINCE = '2000-01-01T00:00:00+0000';
const DEFAULT_UNTIL = '2100-01-01T00:00:00+0000';

export function resolveSyncOptions(options: SyncOptions = {}): ResolvedSyncOptions {
  const pageSize = options.pageSize ?? 100;
  if (!Number.isInteger(pageSize) || pageSize < 5 || pageSize > 500) {
    throw new InvalidArgumentError(
      'pageSize',
      `must be a whole number from 5 to 500 (the provider's pager), got ${pageSize}`,
    );
  }
  return {
    since: options.since ?? DEFAULT_SINCE,
    until: options.until ?? DEFAULT_UNTIL,
    pageSize,
    listByDateRange: options.listByDateRange ?? true,
    iroamlyUnknownOrderCodes: new Set(options.iroamlyUnknownOrderCodes ?? ['7', '3']),
    signal: options.signal,
    now: options.now ?? (() => new Date()),
  };
}

export function createStreamContext(
  store: Store,
  run: { accountId: string; runId: number; startedAt: Date },
  options: ResolvedSyncOptions,
  onProgress: ((progress: SyncProgress) => void) | undefined,
): StreamContext {
  const { accountId, runId } = run;
  return {
    store,
    accountId,
    runId,
    runStartedAt: run.startedAt,
    options,
    cursor: (stream) => readCursor(store.db, accountId, stream, runId),
    async commit(stream, position, write, done = false) {
      options.signal?.throwIfAborted();
      await store.db.transaction(async (tx) => {
        const findings = write ? await write(tx) : [];
        await recordFindings(tx, runId, accountId, findings);
        await saveCursor(tx, accountId, stream, runId, { position, done });
      });
    },
    progress(stream, done, total) {
      onProgress?.({ accountId, stream, done, total });
    },
  };
}
