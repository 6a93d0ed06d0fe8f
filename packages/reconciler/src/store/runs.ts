/**
 * Sync runs and their cursors. A run killed mid-way stays `running`; the next sync of the account (which now
 * holds the lock, so the old one is dead) resumes it, under the same id, from the cursors its committed pages
 * left behind.
 * @module
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from './open.js';
import { driftFindings, syncCursors, syncRuns } from './schema.js';

export type SyncRun = typeof syncRuns.$inferSelect;

export async function startOrResumeRun(
  db: Db,
  accountId: string,
): Promise<{ run: SyncRun; resumed: boolean }> {
  const [open] = await db
    .select()
    .from(syncRuns)
    .where(and(eq(syncRuns.accountId, accountId), eq(syncRuns.status, 'running')))
    .orderBy(desc(syncRuns.id))
    .limit(1);
  if (open) return { run: open, resumed: true };
  const [run] = await db.insert(syncRuns).values({ accountId, status: 'running' }).returning();
  return { run: run!, resumed: false };
}

export async function finishRun(
  db: Db,
  runId: number,
  outcome: { status: 'completed' } | { status: 'failed'; error: string },
): Promise<SyncRun> {
  const stats = await findingCounts(db, runId);
  const [run] = await db
    .update(syncRuns)
    .set({
      status: outcome.status,
      finishedAt: sql`now()`,
      error: outcome.status === 'failed' ? outcome.error.slice(0, 1000) : null,
      stats,
    })
    .where(eq(syncRuns.id, runId))
    .returning();
  return run!;
}

export async function findingCounts(db: Db, runId: number): Promise<Record<string, number>> {
  const rows = await db
    .select({ kind: driftFindings.kind, count: sql<number>`count(*)::int` })
    .from(driftFindings)
    .where(eq(driftFindings.runId, runId))
    .groupBy(driftFindings.kind);
  return Object.fromEntries(rows.map((row) => [row.kind, Number(row.count)]));
}

export interface CursorState {
  position: string | null;
  done: boolean;
}

/** The cursor of `stream` for this run; a cursor left by an earlier run counts as a fresh start. */
export async function readCursor(
  db: Db,
  accountId: string,
  stream: string,
  runId: number,
): Promise<CursorState> {
  const [row] = await db
    .select()
    .from(syncCursors)
    .where(and(eq(syncCursors.accountId, accountId), eq(syncCursors.stream, stream)));
  if (!row || row.runId !== runId) return { position: null, done: false };
  return { position: row.position, done: row.done };
}

/** Called inside the transaction that wrote the page the position follows. */
export async function saveCursor(
  db: Db,
  accountId: string,
  stream: string,
  runId: number,
  state: CursorState,
): Promise<void> {
  await db
    .insert(syncCursors)
    .values({ accountId, stream, runId, position: state.position, done: state.done })
    .onConflictDoUpdate({
      target: [syncCursors.accountId, syncCursors.stream],
      set: { runId, position: state.position, done: state.done, updatedAt: sql`now()` },
    });
}
