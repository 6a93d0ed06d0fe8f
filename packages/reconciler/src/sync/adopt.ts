/**
 * The first sync of an account that already has profiles (a reseller adopting the reconciler) would report each as
 * `unknown_to_us`. With `adopt`, that first sync takes them as the baseline: its `unknown_to_us` findings are kept in
 * the run's history but resolved, so the report opens with no drift and later syncs report only what is new.
 * @module
 */
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../store/open.js';
import { driftFindings, syncRuns } from '../store/schema.js';

export const ADOPTED = 'adopted as baseline';

/** Resolves the run's open `unknown_to_us` findings when the account has no other completed run; returns how many. */
export async function adoptBaseline(db: Db, accountId: string, runId: number): Promise<number> {
  const [earlier] = await db
    .select({ id: syncRuns.id })
    .from(syncRuns)
    .where(and(eq(syncRuns.accountId, accountId), eq(syncRuns.status, 'completed'), ne(syncRuns.id, runId)))
    .limit(1);
  if (earlier) return 0;
  const adopted = await db
    .update(driftFindings)
    .set({ resolvedAt: sql`now()`, resolution: ADOPTED })
    .where(
      and(
        eq(driftFindings.runId, runId),
        eq(driftFindings.kind, 'unknown_to_us'),
        isNull(driftFindings.resolvedAt),
      ),
    )
    .returning({ id: driftFindings.id });
  return adopted.length;
}
