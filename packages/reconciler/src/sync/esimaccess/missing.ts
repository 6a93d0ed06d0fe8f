/**
 * Profiles the store has and the provider no longer lists. A profile counts as missing only when its order was
 * listed by this run (or is itself missing): an order still being allocated proves nothing.
 * @module
 */
import { and, asc, eq, gt, inArray, isNull, lt, ne, or } from 'drizzle-orm';
import type { Finding } from '../../drift/findings.js';
import { orders, profiles } from '../../store/schema.js';
import type { StreamContext } from '../context.js';

export const MISSING_STREAM = 'esimaccess:missing';

export async function flagMissingProfiles(ctx: StreamContext): Promise<void> {
  const cursor = await ctx.cursor(MISSING_STREAM);
  if (cursor.done) return;
  let position = cursor.position;
  for (;;) {
    const conditions = [
      eq(profiles.accountId, ctx.accountId),
      or(isNull(profiles.lastSeenRun), ne(profiles.lastSeenRun, ctx.runId)),
      // Introduced by a webhook during this run: not listed yet, not missing.
      lt(profiles.createdAt, ctx.runStartedAt),
      or(eq(orders.lastSeenRun, ctx.runId), eq(orders.missingAtProvider, true)),
    ];
    if (position !== null) conditions.push(gt(profiles.esimTranNo, position));
    const batch = await ctx.store.db
      .select({
        esimTranNo: profiles.esimTranNo,
        esimStatus: profiles.esimStatus,
        smdpStatus: profiles.smdpStatus,
      })
      .from(profiles)
      .innerJoin(orders, and(eq(orders.accountId, profiles.accountId), eq(orders.orderNo, profiles.orderNo)))
      .where(and(...conditions))
      .orderBy(asc(profiles.esimTranNo))
      .limit(100);
    const last = batch.at(-1);
    if (!last) break;
    await ctx.commit(MISSING_STREAM, last.esimTranNo, async (tx) => {
      await tx
        .update(profiles)
        .set({ missingAtProvider: true })
        .where(
          and(
            eq(profiles.accountId, ctx.accountId),
            inArray(
              profiles.esimTranNo,
              batch.map((row) => row.esimTranNo),
            ),
          ),
        );
      return batch.map(
        (row): Finding => ({
          kind: 'missing_at_provider',
          subjectType: 'profile',
          subjectId: row.esimTranNo,
          field: '*',
          storeValue: row.esimStatus === null ? null : `${row.esimStatus}/${row.smdpStatus}`,
          providerValue: null,
          corrected: false,
        }),
      );
    });
    position = last.esimTranNo;
  }
  await ctx.commit(MISSING_STREAM, position, undefined, true);
}
