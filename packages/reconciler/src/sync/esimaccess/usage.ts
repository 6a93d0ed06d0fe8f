/**
 * Data usage of every profile this run saw, from `esim/usage/query` in batches of at most 10 (the provider's
 * limit). A terminal profile's usage is final once read, and is not asked again. A profile never activated has
 * used no data: the listing compared its figures already (`compareProfile`), so it is not asked at all.
 * @module
 */
import { ESIM_ACCESS_MAX_USAGE_QUERY } from '@esim-sandbox/core';
import { and, asc, count, eq, gt, isNull, notInArray, or } from 'drizzle-orm';
import { compareUsage } from '../../drift/compare.js';
import type { Finding } from '../../drift/findings.js';
import { lockProfile, updateProfile } from '../../store/profiles.js';
import { profiles } from '../../store/schema.js';
import { NEVER_ACTIVATED_ESIM_STATUSES } from '../../webhooks/state-order.js';
import type { StreamContext } from '../context.js';
import type { EsimAccessSyncClient } from '../types.js';

export const USAGE_STREAM = 'esimaccess:usage';

function pending(ctx: StreamContext, after: string | null) {
  const conditions = [
    eq(profiles.accountId, ctx.accountId),
    eq(profiles.lastSeenRun, ctx.runId),
    eq(profiles.usageFinal, false),
    or(isNull(profiles.esimStatus), notInArray(profiles.esimStatus, [...NEVER_ACTIVATED_ESIM_STATUSES])),
  ];
  if (after !== null) conditions.push(gt(profiles.esimTranNo, after));
  return and(...conditions);
}

export async function syncUsage(ctx: StreamContext, client: EsimAccessSyncClient): Promise<void> {
  const cursor = await ctx.cursor(USAGE_STREAM);
  if (cursor.done) return;
  let position = cursor.position;
  const [counted] = await ctx.store.db.select({ n: count() }).from(profiles).where(pending(ctx, position));
  const total = Number(counted?.n ?? 0);
  let done = 0;
  for (;;) {
    const batch = await ctx.store.db
      .select({ esimTranNo: profiles.esimTranNo })
      .from(profiles)
      .where(pending(ctx, position))
      .orderBy(asc(profiles.esimTranNo))
      .limit(ESIM_ACCESS_MAX_USAGE_QUERY);
    const last = batch.at(-1);
    if (!last) break;
    const usage = await client.queryUsage(
      { esimTranNoList: batch.map((row) => row.esimTranNo) },
      { signal: ctx.options.signal },
    );
    await ctx.commit(USAGE_STREAM, last.esimTranNo, async (tx) => {
      const findings: Finding[] = [];
      for (const item of usage) {
        const row = await lockProfile(tx, ctx.accountId, item.esimTranNo);
        if (!row) continue;
        const comparison = compareUsage(row, item);
        await updateProfile(tx, row, comparison.patch);
        findings.push(...comparison.findings);
      }
      return findings;
    });
    position = last.esimTranNo;
    done += batch.length;
    ctx.progress(USAGE_STREAM, done, total);
  }
  await ctx.commit(USAGE_STREAM, position, undefined, true);
}
