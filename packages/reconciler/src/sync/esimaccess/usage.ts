/**
 * Data usage of every profile this run saw, from `esim/usage/query` in batches of at most 10 (the provider's
 * limit). A terminal profile's usage is final once read, and is not asked again. A profile never activated has
 * used no data: the listing compared its figures already (`compareProfile`), so it is not asked at all. The next
 * batch is asked for while the current one is written.
 * @module
 */
import { ESIM_ACCESS_MAX_USAGE_QUERY, type EsimAccessUsage } from '@esim-sandbox/core';
import { and, asc, count, eq, gt, isNull, notInArray, or } from 'drizzle-orm';
import { NEVER_ACTIVATED_ESIM_STATUSES } from '../../domain/state-order.js';
import { compareUsage } from '../../drift/compare.js';
import type { Finding } from '../../drift/findings.js';
import { lockProfiles, type ProfileChange, updateProfiles } from '../../store/profiles.js';
import { profiles } from '../../store/schema.js';
import type { StreamContext } from '../context.js';
import { readAhead } from '../read-ahead.js';
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

/** Ids to ask about are read from the store this many batches at a time. */
const BATCHES_PER_READ = 10;

/** The pending profiles after `after`, in batches of the provider's maximum, each with its answer. */
async function* usageBatches(
  ctx: StreamContext,
  client: EsimAccessSyncClient,
  after: string | null,
): AsyncGenerator<{ asked: string[]; usage: EsimAccessUsage[] }, void, undefined> {
  let position = after;
  for (;;) {
    const ids = await ctx.store.db
      .select({ esimTranNo: profiles.esimTranNo })
      .from(profiles)
      .where(pending(ctx, position))
      .orderBy(asc(profiles.esimTranNo))
      .limit(ESIM_ACCESS_MAX_USAGE_QUERY * BATCHES_PER_READ);
    if (ids.length === 0) return;
    for (let start = 0; start < ids.length; start += ESIM_ACCESS_MAX_USAGE_QUERY) {
      const batch = ids.slice(start, start + ESIM_ACCESS_MAX_USAGE_QUERY).map((row) => row.esimTranNo);
      const usage = await client.queryUsage({ esimTranNoList: batch }, { signal: ctx.options.signal });
      yield { asked: batch, usage };
    }
    position = ids.at(-1)!.esimTranNo;
  }
}

export async function syncUsage(ctx: StreamContext, client: EsimAccessSyncClient): Promise<void> {
  const cursor = await ctx.cursor(USAGE_STREAM);
  if (cursor.done) return;
  let position = cursor.position;
  const [counted] = await ctx.store.db.select({ n: count() }).from(profiles).where(pending(ctx, position));
  const total = Number(counted?.n ?? 0);
  let done = 0;
  const batches = readAhead(usageBatches(ctx, client, position), ctx.options.now);
  for await (const { value: batch } of batches) {
    const last = batch.asked.at(-1)!;
    await ctx.commit(USAGE_STREAM, last, async (tx) => {
      const answers = new Map(batch.usage.map((item) => [item.esimTranNo, item]));
      const rows = await lockProfiles(tx, ctx.accountId, [...answers.keys()]);
      const findings: Finding[] = [];
      const changes: ProfileChange[] = [];
      for (const [esimTranNo, item] of answers) {
        const row = rows.get(esimTranNo);
        if (!row) continue;
        const comparison = compareUsage(row, item);
        changes.push({ before: row, patch: comparison.patch });
        findings.push(...comparison.findings);
      }
      await updateProfiles(tx, changes);
      return findings;
    });
    position = last;
    done += batch.asked.length;
    ctx.progress(USAGE_STREAM, done, total);
  }
  await ctx.commit(USAGE_STREAM, position, undefined, true);
}
